package dev.ferry.emulator.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One Web API request, from the HTTP server or from inside a {@code $batch}: the path below the
 * service root (e.g. {@code accounts(…)/accountleads_association/$ref}), decoded query options,
 * headers (names case-insensitive) and body.
 *
 * @param serviceRoot absolute service root URL ending in {@code /}, for building links
 * @param caller who sends it, for per-caller service protection limits
 */
public record ApiRequest(
        String method,
        String path,
        Map<String, String> query,
        Map<String, List<String>> headers,
        byte[] body,
        String serviceRoot,
        String caller) {

    public ApiRequest {
        TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(headers);
        headers = h;
        query = Map.copyOf(query);
        body = body == null ? new byte[0] : body;
    }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(String.join(",", values));
    }

    public Optional<String> queryOption(String name) {
        return Optional.ofNullable(query.get(name));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * The values of one preference in the {@code Prefer} header (e.g. {@code odata.maxpagesize}),
     * or empty. A preference without a value gives an empty string.
     */
    public Optional<String> preference(String name) {
        for (String part : splitOutsideQuotes(header("Prefer").orElse(""))) {
            String p = part.trim();
            int eq = p.indexOf('=');
            String key = (eq < 0 ? p : p.substring(0, eq)).trim();
            if (key.equalsIgnoreCase(name)) {
                String value = eq < 0 ? "" : p.substring(eq + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** Splits a header on commas, except commas inside a quoted value such as {@code "A,B"}. */
    private static List<String> splitOutsideQuotes(String header) {
        List<String> parts = new java.util.ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }
}
