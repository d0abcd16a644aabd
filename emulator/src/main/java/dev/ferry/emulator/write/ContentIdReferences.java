package dev.ferry.emulator.write;

import java.util.HashMap;
import java.util.Map;

/**
 * The {@code $<Content-ID>} references of one change set: each request with a Content-ID that
 * creates or updates a record declares {@code $id} as that record's URL, for the URLs and the
 * {@code @odata.bind}/{@code @odata.id} values of later requests in the same change set.
 */
final class ContentIdReferences {
    private static final char REFERENCE = '$';
    private static final String QUOTE = "\"";

    private final Map<String, String> urls = new HashMap<>();

    void declare(String contentId, String entityUrl) {
        urls.put(contentId, entityUrl);
    }

    /** A request URL starting with {@code $id} gets the record's URL in its place. */
    String resolveUrl(String url) {
        if (url.isEmpty() || url.charAt(0) != REFERENCE) {
            return url;
        }
        int end = 1;
        while (end < url.length() && url.charAt(end) != '/' && url.charAt(end) != '?') {
            end++;
        }
        String id = url.substring(1, end);
        String target = urls.get(id);
        if (target == null) {
            throw WriteErrors.unknownContentId(url.substring(0, end));
        }
        return target + url.substring(end);
    }

    /** JSON string values that are exactly {@code "$id"} become the record's URL. */
    String resolveBody(String body) {
        if (urls.isEmpty() || body.indexOf(REFERENCE) < 0) {
            return body;
        }
        String result = body;
        for (Map.Entry<String, String> e : urls.entrySet()) {
            result = result.replace(QUOTE + REFERENCE + e.getKey() + QUOTE, QUOTE + e.getValue() + QUOTE);
        }
        return result;
    }
}
