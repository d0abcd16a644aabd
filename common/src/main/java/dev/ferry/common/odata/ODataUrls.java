package dev.ferry.common.odata;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the URLs of one service root: entity set queries, keys, and the check that an
 * {@code @odata.nextLink} stays under the root it came from.
 */
final class ODataUrls {

    private static final String HEX = "0123456789ABCDEF";

    private final URI root;
    private final String rootText;

    ODataUrls(URI root) {
        this.root = root;
        this.rootText = root.toString();
    }

    String root() {
        return rootText;
    }

    /** {@code <root><set>?$select=..&$filter=..}. */
    String query(PageQuery query) {
        List<String> options = new ArrayList<>();
        if (!query.select().isEmpty()) {
            options.add("$select=" + encodeQueryValue(String.join(",", query.select())));
        }
        if (query.filter() != null && !query.filter().isBlank()) {
            options.add("$filter=" + encodeQueryValue(query.filter()));
        }
        String url = rootText + encodePathSegment(query.entitySet());
        return options.isEmpty() ? url : url + "?" + String.join("&", options);
    }

    /** A path under the root, given already in URL form ({@code $metadata}, {@code EntityDefinitions(...)}). */
    String resource(String relativePath) {
        return rootText + relativePath;
    }

    /** {@code <root><set>(<key literal>)}. */
    String entity(String entitySet, String keyLiteral) {
        return rootText + encodePathSegment(entitySet) + "(" + encodeKey(keyLiteral) + ")";
    }

    /**
     * The absolute URL of a nextLink, absolute or relative to the root. A link that leaves the
     * service root (another host, port, scheme or path) is refused: following it would send this
     * environment's credentials elsewhere.
     */
    String nextLink(String nextLink, String environment) {
        URI link;
        try {
            link = new URI(nextLink);
        } catch (URISyntaxException e) {
            throw new ODataException("The @odata.nextLink '" + nextLink + "' from environment '" + environment
                    + "' is not a valid URL: " + e.getMessage(), null, null, false, null, e);
        }
        URI absolute = link.isAbsolute() ? link : root.resolve(link);
        if (!absolute.toString().startsWith(rootText)) {
            throw new ODataException("The @odata.nextLink '" + nextLink + "' leaves the service root " + rootText
                    + " of environment '" + environment + "'; Ferry follows only links under the root it reads",
                    null, null, false, null, null);
        }
        return absolute.toString();
    }

    /** Percent-encodes a query option's value: everything but unreserved characters and the ones OData uses plainly. */
    static String encodeQueryValue(String value) {
        return encode(value, "-._~!$'()*,;:@/?");
    }

    /** Percent-encodes one path segment. */
    static String encodePathSegment(String segment) {
        return encode(segment, "-._~!$&'()*+,;=:@");
    }

    /** Percent-encodes a key literal inside {@code (..)}: quotes and commas stay, the rest as a path segment. */
    static String encodeKey(String keyLiteral) {
        return encode(keyLiteral, "-._~!$&'()*+,;=:@");
    }

    private static String encode(String value, String safe) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || (c < 0x80 && safe.indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xF));
            }
        }
        return out.toString();
    }
}
