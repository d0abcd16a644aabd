package dev.ferry.emulator.write;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a {@code $batch} body into what it asks for: top-level single requests and change sets,
 * each request an {@code application/http} part holding one HTTP request.
 */
final class BatchRequestReader {
    private static final String APPLICATION_HTTP = "application/http";
    private static final String CONTENT_ID = "Content-ID";
    private static final String CONTENT_TYPE = "Content-Type";
    private static final String HTTP_VERSION_PREFIX = "HTTP/";

    private BatchRequestReader() {
    }

    /**
     * One request inside a batch. Its text keeps the ISO-8859-1 view of the bytes so that
     * Content-ID references can be replaced in it before it is run.
     *
     * @param contentId the part's Content-ID, or null
     */
    record Operation(String contentId, String method, String url, Map<String, String> headers, String body) {
    }

    /** A top-level item of a batch: one request, or the requests of one change set. */
    sealed interface Item permits Single, ChangeSet {
        int operationCount();
    }

    record Single(Operation operation) implements Item {
        @Override
        public int operationCount() {
            return 1;
        }
    }

    record ChangeSet(List<Operation> operations) implements Item {
        @Override
        public int operationCount() {
            return operations.size();
        }
    }

    static List<Item> read(byte[] body, String boundary) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        List<Item> items = new ArrayList<>();
        for (MultipartReader.Part part : MultipartReader.read(text, boundary)) {
            String changeSetBoundary = MultipartReader.boundaryOf(part.header(CONTENT_TYPE));
            if (changeSetBoundary != null) {
                List<Operation> operations = new ArrayList<>();
                for (MultipartReader.Part inner : MultipartReader.read(part.body(), changeSetBoundary)) {
                    if (MultipartReader.boundaryOf(inner.header(CONTENT_TYPE)) != null) {
                        throw WriteErrors.badRequest("A change set cannot contain another change set.");
                    }
                    operations.add(operation(inner));
                }
                items.add(new ChangeSet(List.copyOf(operations)));
            } else {
                items.add(new Single(operation(part)));
            }
        }
        return items;
    }

    private static Operation operation(MultipartReader.Part part) {
        String type = part.header(CONTENT_TYPE);
        if (type == null || !type.trim().toLowerCase(Locale.ROOT).startsWith(APPLICATION_HTTP)) {
            throw WriteErrors.badRequest("Each part of a batch must have 'Content-Type: application/http' (or be a"
                    + " multipart/mixed change set); found '" + type + "'.");
        }
        String message = part.body();
        MultipartReader.HeaderBlock block = MultipartReader.headers(message, 0, true);
        if (block.leadingLines().isEmpty()) {
            throw WriteErrors.badRequest("A batch part holds no HTTP request line.");
        }
        String requestLine = block.leadingLines().get(0).trim();
        String[] tokens = requestLine.split("\\s+");
        boolean hasVersion = tokens.length == 3 && tokens[2].startsWith(HTTP_VERSION_PREFIX);
        if (tokens.length != 2 && !hasVersion) {
            throw WriteErrors.badRequest("The batch request line '" + requestLine + "' is not 'METHOD URL HTTP/1.1'.");
        }
        String body = message.substring(block.bodyStart());
        String contentId = part.header(CONTENT_ID) != null ? part.header(CONTENT_ID) : block.headers().get(CONTENT_ID);
        return new Operation(contentId == null ? null : contentId.trim(), tokens[0].toUpperCase(Locale.ROOT),
                tokens[1], block.headers(), body.isBlank() ? "" : body);
    }
}
