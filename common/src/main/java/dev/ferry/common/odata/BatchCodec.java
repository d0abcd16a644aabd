package dev.ferry.common.odata;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Writes an OData {@code $batch} of independent requests (no change sets, so that each succeeds or
 * fails alone) as {@code multipart/mixed}, and reads the answer's parts back in order.
 */
final class BatchCodec {

    private static final String CRLF = "\r\n";

    private BatchCodec() {
    }

    /** One request of a batch: its method, absolute URL, JSON body and {@code If-Match} header (or null). */
    record PartRequest(String method, String url, byte[] json, String ifMatch) {
        PartRequest(String method, String url, byte[] json) {
            this(method, url, json, null);
        }
    }

    /** One answer of a batch: its status, Retry-After header (or null) and body. */
    record PartAnswer(int status, String retryAfter, byte[] body) {
    }

    /** A batch request body with the content type (boundary included) to send it with. */
    record Encoded(String contentType, byte[] body) {
    }

    static Encoded encode(List<PartRequest> requests) {
        String boundary = "batch_" + UUID.randomUUID();
        StringBuilder text = new StringBuilder(requests.size() * 512);
        for (PartRequest request : requests) {
            text.append("--").append(boundary).append(CRLF)
                    .append("Content-Type: application/http").append(CRLF)
                    .append("Content-Transfer-Encoding: binary").append(CRLF)
                    .append(CRLF)
                    .append(request.method()).append(' ').append(request.url()).append(" HTTP/1.1").append(CRLF)
                    .append("Content-Type: application/json; charset=utf-8").append(CRLF)
                    .append("Accept: application/json").append(CRLF);
            if (request.ifMatch() != null) {
                text.append("If-Match: ").append(request.ifMatch()).append(CRLF);
            }
            text.append(CRLF)
                    .append(new String(request.json(), StandardCharsets.UTF_8)).append(CRLF);
        }
        text.append("--").append(boundary).append("--").append(CRLF);
        return new Encoded("multipart/mixed; boundary=" + boundary, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The answers of a {@code multipart/mixed} batch answer, change sets flattened, in order.
     *
     * @throws IllegalArgumentException when the body is not a multipart answer of that content type
     */
    static List<PartAnswer> decode(String contentType, byte[] body) {
        List<PartAnswer> answers = new ArrayList<>();
        decodeInto(contentType, new String(body, StandardCharsets.UTF_8), answers);
        return answers;
    }

    private static void decodeInto(String contentType, String text, List<PartAnswer> answers) {
        String boundary = boundaryOf(contentType);
        if (boundary == null) {
            throw new IllegalArgumentException("the $batch answer's content type '" + contentType
                    + "' is not multipart/mixed with a boundary");
        }
        String delimiter = "--" + boundary;
        int at = text.indexOf(delimiter);
        if (at < 0) {
            throw new IllegalArgumentException("the $batch answer has no part delimited by '" + delimiter + "'");
        }
        while (true) {
            int lineEnd = text.indexOf('\n', at);
            if (text.startsWith(delimiter + "--", at) || lineEnd < 0) {
                return;
            }
            int next = text.indexOf(CRLF + delimiter, lineEnd);
            int nextLf = text.indexOf("\n" + delimiter, lineEnd);
            int end = next >= 0 ? next : nextLf;
            if (end < 0) {
                throw new IllegalArgumentException("the $batch answer is not terminated by '" + delimiter + "--'");
            }
            decodePart(text.substring(lineEnd + 1, end), answers);
            at = text.indexOf(delimiter, end);
        }
    }

    private static void decodePart(String part, List<PartAnswer> answers) {
        String[] mime = splitAtBlankLine(part);
        Map<String, String> mimeHeaders = headers(mime[0]);
        String partType = mimeHeaders.getOrDefault("content-type", "");
        if (partType.toLowerCase(Locale.ROOT).startsWith("multipart/mixed")) {
            decodeInto(partType, mime[1], answers);
            return;
        }
        String http = mime[1];
        int statusLineEnd = http.indexOf('\n');
        String statusLine = (statusLineEnd < 0 ? http : http.substring(0, statusLineEnd)).strip();
        String[] words = statusLine.split(" ", 3);
        if (words.length < 2 || !words[0].startsWith("HTTP/")) {
            throw new IllegalArgumentException("a $batch answer part does not start with an HTTP status line: '"
                    + statusLine + "'");
        }
        int status = Integer.parseInt(words[1]);
        String[] message = splitAtBlankLine(statusLineEnd < 0 ? "" : http.substring(statusLineEnd + 1));
        Map<String, String> httpHeaders = headers(message[0]);
        answers.add(new PartAnswer(status, httpHeaders.get("retry-after"),
                message[1].strip().getBytes(StandardCharsets.UTF_8)));
    }

    /** The header block before the first empty line and what follows it (CRLF or bare LF line ends). */
    private static String[] splitAtBlankLine(String text) {
        if (text.startsWith(CRLF)) {
            return new String[] {"", text.substring(2)};
        }
        if (text.startsWith("\n")) {
            return new String[] {"", text.substring(1)};
        }
        int crlf = text.indexOf(CRLF + CRLF);
        int lf = text.indexOf("\n\n");
        if (crlf >= 0 && (lf < 0 || crlf <= lf)) {
            return new String[] {text.substring(0, crlf), text.substring(crlf + 4)};
        }
        if (lf >= 0) {
            return new String[] {text.substring(0, lf), text.substring(lf + 2)};
        }
        return new String[] {text, ""};
    }

    private static Map<String, String> headers(String block) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : block.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
        }
        return headers;
    }

    static String boundaryOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String parameter : contentType.split(";")) {
            String trimmed = parameter.strip();
            if (trimmed.regionMatches(true, 0, "boundary=", 0, 9)) {
                String value = trimmed.substring(9).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }
}
