package dev.ferry.emulator.write;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Splits a {@code multipart/mixed} body (RFC 2046, as OData batches use it) into its parts. Lines
 * may end in CRLF, as on the wire, or in a bare LF, as in hand-written or documented examples.
 *
 * <p>The body is read as ISO-8859-1, which maps every byte to one char, so each part's body goes
 * back to its exact original bytes (UTF-8 JSON included).
 */
final class MultipartReader {
    private static final String DASHES = "--";
    private static final String BOUNDARY_PARAMETER = "boundary=";

    private MultipartReader() {
    }

    /** One part: its MIME headers (names case-insensitive) and its body. */
    record Part(Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name);
        }

        byte[] bodyBytes() {
            return body.getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    /** Headers of a text block and where its body starts, for MIME parts and embedded HTTP messages. */
    record HeaderBlock(List<String> leadingLines, Map<String, String> headers, int bodyStart) {
    }

    /** The boundary parameter of a {@code multipart/mixed} content type, or null when there is none. */
    static String boundaryOf(String contentType) {
        if (contentType == null || !contentType.trim().toLowerCase(Locale.ROOT).startsWith("multipart/mixed")) {
            return null;
        }
        for (String parameter : contentType.split(";")) {
            String p = parameter.trim();
            if (p.regionMatches(true, 0, BOUNDARY_PARAMETER, 0, BOUNDARY_PARAMETER.length())) {
                String value = p.substring(BOUNDARY_PARAMETER.length()).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    /** The parts of {@code text} (an ISO-8859-1 view of the bytes) between the boundaries. */
    static List<Part> read(String text, String boundary) {
        String delimiter = DASHES + boundary;
        int position = findDelimiter(text, delimiter, 0);
        if (position < 0) {
            throw WriteErrors.badRequest("The multipart body has no part: the boundary '" + boundary
                    + "' of its Content-Type never starts a line.");
        }
        List<Part> parts = new ArrayList<>();
        while (true) {
            int after = position + delimiter.length();
            if (text.startsWith(DASHES, after)) {
                return parts;
            }
            int lineEnd = text.indexOf('\n', after);
            if (lineEnd < 0) {
                throw unterminated(boundary);
            }
            int start = lineEnd + 1;
            int next = findDelimiter(text, delimiter, start);
            if (next < 0) {
                throw unterminated(boundary);
            }
            String content = text.substring(start, endOfContent(text, start, next));
            HeaderBlock block = headers(content, 0, false);
            parts.add(new Part(block.headers(), content.substring(block.bodyStart())));
            position = next;
        }
    }

    /**
     * Reads header lines from {@code from} up to the first empty line. With {@code firstLineIsStart}
     * the first line (an HTTP request or status line) is kept apart rather than read as a header.
     */
    static HeaderBlock headers(String text, int from, boolean firstLineIsStart) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        List<String> leading = new ArrayList<>();
        int i = from;
        boolean first = firstLineIsStart;
        while (i < text.length()) {
            int nl = text.indexOf('\n', i);
            int end = nl < 0 ? text.length() : nl;
            String line = text.substring(i, end);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            int next = nl < 0 ? text.length() : nl + 1;
            if (first) {
                if (!line.isBlank()) {
                    leading.add(line);
                    first = false;
                }
                i = next;
                continue;
            }
            if (line.isEmpty()) {
                return new HeaderBlock(leading, headers, next);
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.merge(line.substring(0, colon).trim(), line.substring(colon + 1).trim(),
                        (a, b) -> a + ", " + b);
            }
            i = next;
        }
        return new HeaderBlock(leading, headers, text.length());
    }

    /** Finds the delimiter where it starts a line and is followed by a line end, "--" or padding. */
    private static int findDelimiter(String text, String delimiter, int from) {
        int i = text.indexOf(delimiter, from);
        while (i >= 0) {
            boolean lineStart = i == 0 || text.charAt(i - 1) == '\n';
            int after = i + delimiter.length();
            boolean ends = after >= text.length() || " \t\r\n-".indexOf(text.charAt(after)) >= 0;
            if (lineStart && ends) {
                return i;
            }
            i = text.indexOf(delimiter, i + 1);
        }
        return -1;
    }

    /** The line break before a delimiter belongs to the delimiter, not to the part's body. */
    private static int endOfContent(String text, int start, int delimiter) {
        int end = delimiter;
        if (end > start && text.charAt(end - 1) == '\n') {
            end--;
            if (end > start && text.charAt(end - 1) == '\r') {
                end--;
            }
        }
        return end;
    }

    private static RuntimeException unterminated(String boundary) {
        return WriteErrors.badRequest("The multipart body is not terminated: it lacks the closing '--" + boundary
                + "--'.");
    }
}
