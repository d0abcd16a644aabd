package dev.ferry.emulator.query;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Percent-encodes the parts of links the emulator hands out ({@code @odata.nextLink}) the way
 * Dataverse writes them: OData punctuation ({@code $ ( ) ' , = : /}) stays readable, while
 * spaces, {@code + & # % " < >} and non-ASCII are escaped so the link decodes back exactly.
 */
final class UrlText {
    /** The order system query options are written in; others follow alphabetically. */
    private static final List<String> OPTION_ORDER = List.of("$select", "$expand", "$filter", "$orderby", "$top", "$count");

    private UrlText() {
    }

    static String encode(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (kept(c)) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** The query string of a next page: the request's options except {@code $skiptoken}, then the new token. */
    static String nextQuery(Map<String, String> query, String skipToken) {
        List<String> names = new ArrayList<>();
        for (String name : OPTION_ORDER) {
            if (query.containsKey(name)) {
                names.add(name);
            }
        }
        query.keySet().stream()
                .filter(n -> !OPTION_ORDER.contains(n) && !n.equals("$skiptoken"))
                .sorted()
                .forEach(names::add);
        StringBuilder sb = new StringBuilder();
        for (String name : names) {
            sb.append(encode(name)).append('=').append(encode(query.get(name))).append('&');
        }
        return sb.append("$skiptoken=").append(encode(skipToken)).toString();
    }

    private static boolean kept(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-._~$()',=:/!*@;".indexOf(c) >= 0;
    }
}
