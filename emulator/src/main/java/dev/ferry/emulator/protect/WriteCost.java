package dev.ferry.emulator.protect;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.ferry.emulator.http.ApiRequest;
import java.io.IOException;

/**
 * How many records a request writes, read cheaply from the request itself (before it runs): the
 * {@code Targets} of a bulk action, the write operations of a {@code $batch}, else one for a
 * POST, PATCH, PUT or DELETE and none for a read.
 */
final class WriteCost {
    private static final JsonFactory JSON = new JsonFactory();
    private static final String[] BULK_ACTIONS = {"UpsertMultiple", "CreateMultiple", "UpdateMultiple"};
    private static final String[] WRITE_METHODS = {"POST ", "PATCH ", "PUT ", "DELETE "};

    private WriteCost() {
    }

    static int records(ApiRequest request) {
        String method = request.method();
        if (!isWrite(method)) {
            return 0;
        }
        String path = request.path();
        if (path.equals("$batch")) {
            return batchWrites(request.body());
        }
        for (String action : BULK_ACTIONS) {
            if (path.endsWith("." + action) || path.endsWith("/" + action)) {
                return targets(request.body());
            }
        }
        return 1;
    }

    private static boolean isWrite(String method) {
        return method.equals("POST") || method.equals("PATCH") || method.equals("PUT") || method.equals("DELETE");
    }

    /** Elements of the top-level {@code Targets} array; 1 when the body cannot be read (the handler answers 400). */
    static int targets(byte[] body) {
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return 1;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("Targets") && value == JsonToken.START_ARRAY) {
                    int n = 0;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        p.skipChildren();
                        n++;
                    }
                    return n;
                }
                p.skipChildren();
            }
            return 1;
        } catch (IOException e) {
            // A malformed body is refused by the handler; it costs what any single write costs.
            return 1;
        }
    }

    /** Request lines of write operations in a multipart {@code $batch} body. */
    static int batchWrites(byte[] body) {
        int n = 0;
        int lineStart = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '\n') {
                if (isWriteRequestLine(body, lineStart, i)) {
                    n++;
                }
                lineStart = i + 1;
            }
        }
        return n;
    }

    private static boolean isWriteRequestLine(byte[] body, int from, int to) {
        for (String m : WRITE_METHODS) {
            if (startsWith(body, from, to, m)) {
                return indexOf(body, from, to, " HTTP/") > 0;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] body, int from, int to, String prefix) {
        if (to - from < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (body[from + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] body, int from, int to, String s) {
        outer:
        for (int i = from; i <= to - s.length(); i++) {
            for (int j = 0; j < s.length(); j++) {
                if (body[i + j] != s.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
