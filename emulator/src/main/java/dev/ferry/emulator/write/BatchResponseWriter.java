package dev.ferry.emulator.write;

import dev.ferry.emulator.http.ApiResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a {@code $batch} response as Dataverse does: parts separated by
 * {@code batchresponse_<uuid>}, a change set's responses wrapped in {@code changesetresponse_<uuid>},
 * each response an {@code application/http} message; CRLF line ends, as on the wire. A response
 * that names a record ({@code OData-EntityId}) also gets the {@code Location} header Dataverse adds
 * inside batches.
 */
final class BatchResponseWriter {
    static final String BATCH_PREFIX = "batchresponse_";
    static final String CHANGESET_PREFIX = "changesetresponse_";
    private static final String CRLF = "\r\n";
    private static final String LOCATION = "Location";

    /** One response in a change set, with the Content-ID of its request. */
    record Answer(String contentId, ApiResponse response) {
    }

    private final String boundary = BATCH_PREFIX + UUID.randomUUID();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    String contentType() {
        return "multipart/mixed; boundary=" + boundary;
    }

    /** A top-level response: a request outside change sets, or the one response of a failed change set. */
    void single(Answer answer) {
        text("--" + boundary + CRLF);
        httpPart(answer);
    }

    /** The responses of a change set that succeeded. */
    void changeSet(List<Answer> answers) {
        String inner = CHANGESET_PREFIX + UUID.randomUUID();
        text("--" + boundary + CRLF);
        text("Content-Type: multipart/mixed; boundary=" + inner + CRLF + CRLF);
        for (Answer answer : answers) {
            text("--" + inner + CRLF);
            httpPart(answer);
        }
        text("--" + inner + "--" + CRLF);
    }

    byte[] finish() {
        text("--" + boundary + "--" + CRLF);
        return out.toByteArray();
    }

    private void httpPart(Answer answer) {
        text("Content-Type: application/http" + CRLF);
        text("Content-Transfer-Encoding: binary" + CRLF);
        if (answer.contentId() != null) {
            text("Content-ID: " + answer.contentId() + CRLF);
        }
        text(CRLF);
        ApiResponse response = answer.response();
        text("HTTP/1.1 " + response.status() + " " + HttpStatus.reason(response.status()) + CRLF);
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            if (header.getKey().equalsIgnoreCase(WriteHandler.ENTITY_ID_HEADER)) {
                text(LOCATION + ": " + header.getValue() + CRLF);
            }
            text(header.getKey() + ": " + header.getValue() + CRLF);
        }
        text(CRLF);
        body(response);
        text(CRLF);
    }

    private void body(ApiResponse response) {
        try {
            if (response.stream() != null) {
                response.stream().writeTo(out);
            } else {
                out.write(response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a batch response part", e);
        }
    }

    private void text(String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
