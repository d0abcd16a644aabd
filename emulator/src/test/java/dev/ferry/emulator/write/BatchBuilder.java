package dev.ferry.emulator.write;

import java.util.UUID;

/** Writes $batch request bodies as clients do, with CRLF or (to test tolerance) LF line ends. */
final class BatchBuilder {
    final String boundary = "batch_" + UUID.randomUUID();
    private final String eol;
    private final StringBuilder sb = new StringBuilder();
    private String changeSet;

    BatchBuilder(String eol) {
        this.eol = eol;
    }

    BatchBuilder() {
        this("\r\n");
    }

    String contentType() {
        return "multipart/mixed; boundary=\"" + boundary + "\"";
    }

    BatchBuilder beginChangeSet() {
        changeSet = "changeset_" + UUID.randomUUID();
        line("--" + boundary);
        line("Content-Type: multipart/mixed; boundary=" + changeSet);
        line("");
        return this;
    }

    BatchBuilder endChangeSet() {
        line("--" + changeSet + "--");
        changeSet = null;
        return this;
    }

    /** One request: in the open change set if any, else at the top level. */
    BatchBuilder request(String contentId, String method, String url, String json) {
        line("--" + (changeSet != null ? changeSet : boundary));
        line("Content-Type: application/http");
        line("Content-Transfer-Encoding: binary");
        if (contentId != null) {
            line("Content-ID: " + contentId);
        }
        line("");
        line(method + " " + url + " HTTP/1.1");
        if (json != null) {
            line("Content-Type: application/json; type=entry");
        }
        line("");
        if (json != null) {
            line(json);
        }
        return this;
    }

    String build() {
        line("--" + boundary + "--");
        return sb.toString();
    }

    private void line(String s) {
        sb.append(s).append(eol);
    }
}
