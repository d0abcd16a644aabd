package dev.ferry.emulator.write;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict reader of batch responses for tests, written apart from the emulator's own multipart
 * code: CRLF line ends only, each response an application/http part, change sets nested one level.
 */
final class BatchParts {
    private static final String CRLF = "\r\n";

    /** One response of a batch, with the change set (null outside any) it came in. */
    record Response(String changeSet, String contentId, int status, Map<String, String> headers, String body) {
    }

    private BatchParts() {
    }

    static String boundary(String contentType) {
        int i = contentType.indexOf("boundary=");
        if (i < 0) {
            throw new AssertionError("no boundary in " + contentType);
        }
        return contentType.substring(i + "boundary=".length()).trim();
    }

    static List<Response> parse(String contentType, String body) {
        if (body.replace(CRLF, "").contains("\n")) {
            throw new AssertionError("batch response has a bare LF line end:\n" + body);
        }
        List<Response> responses = new ArrayList<>();
        for (String part : split(body, boundary(contentType))) {
            int headerEnd = part.indexOf(CRLF + CRLF);
            Map<String, String> mime = headers(part.substring(0, headerEnd));
            String content = part.substring(headerEnd + 4);
            String type = mime.get("Content-Type");
            if (type.startsWith("multipart/mixed")) {
                String inner = boundary(type);
                if (!inner.startsWith("changesetresponse_")) {
                    throw new AssertionError("change set boundary " + inner);
                }
                for (String innerPart : split(content, inner)) {
                    int end = innerPart.indexOf(CRLF + CRLF);
                    Map<String, String> innerMime = headers(innerPart.substring(0, end));
                    responses.add(http(inner, innerMime, innerPart.substring(end + 4)));
                }
            } else {
                responses.add(http(null, mime, content));
            }
        }
        return responses;
    }

    /** The parts between "--boundary" lines, up to the closing "--boundary--". */
    private static List<String> split(String text, String boundary) {
        String delimiter = "--" + boundary;
        if (!text.startsWith(delimiter + CRLF)) {
            throw new AssertionError("multipart text does not start with " + delimiter + ":\n" + text);
        }
        // The close delimiter ends the text, or (for the batch) is followed by one CRLF.
        String close = CRLF + delimiter + "--";
        int end = text.indexOf(close);
        String rest = end < 0 ? null : text.substring(end + close.length());
        if (rest == null || !(rest.isEmpty() || rest.equals(CRLF))) {
            throw new AssertionError("no closing " + delimiter + "-- at the end of:\n" + text);
        }
        String inside = text.substring(delimiter.length() + CRLF.length(), end);
        return List.of(inside.split(CRLF + java.util.regex.Pattern.quote(delimiter) + CRLF, -1));
    }

    private static Response http(String changeSet, Map<String, String> mime, String message) {
        if (!"application/http".equals(mime.get("Content-Type")) || !"binary".equals(mime.get("Content-Transfer-Encoding"))) {
            throw new AssertionError("not an application/http binary part: " + mime);
        }
        int headerEnd = message.indexOf(CRLF + CRLF);
        String[] lines = message.substring(0, headerEnd).split(CRLF);
        if (!lines[0].matches("HTTP/1\\.1 \\d{3} .+")) {
            throw new AssertionError("bad status line " + lines[0]);
        }
        int status = Integer.parseInt(lines[0].substring(9, 12));
        Map<String, String> headers = headers(message.substring(lines[0].length() + 2, headerEnd));
        String body = message.substring(headerEnd + 4);
        return new Response(changeSet, mime.get("Content-ID"), status, headers, body);
    }

    private static Map<String, String> headers(String block) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (block.isEmpty()) {
            return headers;
        }
        for (String line : block.split(CRLF)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon), line.substring(colon + 1).trim());
        }
        return headers;
    }
}
