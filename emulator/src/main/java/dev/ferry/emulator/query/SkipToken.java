package dev.ferry.emulator.query;

import dev.ferry.emulator.http.DataverseException;
import dev.ferry.emulator.schema.Column;
import dev.ferry.emulator.store.LookupValue;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The position a {@code $skiptoken} resumes from: the sort values and id of the last row sent
 * (keyset paging, so rows inserted or deleted between pages neither shift nor repeat the rest),
 * with the number of rows sent so far (for {@code $top} across pages). Shaped like Dataverse's
 * token, a {@code <cookie pagenumber=".." pagingcookie=".." istracking="False" />} whose paging
 * cookie is itself URL-encoded XML:
 * {@code <cookie page="1" returned="5000"><name last="Contoso" /><accountid last="{GUID}" first="{GUID}" /></cookie>}.
 *
 * @param pageNumber the number of the page the token asks for (the first page is 1)
 * @param returned rows sent before that page
 * @param sortValues the last row's values of the {@code $orderby} columns (empty without $orderby)
 */
public record SkipToken(int pageNumber, long returned, List<String> sortProperties, Object[] sortValues,
        String idProperty, UUID lastId, UUID firstId) {

    /** Encodes the token as its (not yet URL-encoded) text. */
    public String encode() {
        StringBuilder inner = new StringBuilder();
        inner.append("<cookie page=\"").append(pageNumber - 1).append("\" returned=\"").append(returned).append("\">");
        for (int i = 0; i < sortProperties.size(); i++) {
            inner.append('<').append(sortProperties.get(i));
            if (sortValues[i] == null) {
                inner.append(" lastnull=\"1\"");
            } else {
                inner.append(" last=\"").append(escapeXml(text(sortValues[i]))).append('"');
            }
            inner.append(" />");
        }
        inner.append('<').append(idProperty).append(" last=\"").append(braced(lastId)).append("\" first=\"")
                .append(braced(firstId)).append("\" /></cookie>");
        return "<cookie pagenumber=\"" + pageNumber + "\" pagingcookie=\"" + cookieEncode(inner.toString())
                + "\" istracking=\"False\" />";
    }

    /**
     * Reads a token (already URL-decoded once, as it arrives in the query) for a query ordered by
     * {@code orderBy}; throws Dataverse's 400 when it is not one of ours or belongs to another order.
     */
    public static SkipToken decode(String token, OrderBy orderBy, String idProperty) {
        try {
            List<Element> outer = Element.parseAll(token);
            if (outer.isEmpty() || !outer.get(0).name().equals("cookie")) {
                throw unreadable(token, "it is not a <cookie .../> element");
            }
            Map<String, String> o = outer.get(0).attributes();
            int pageNumber = Integer.parseInt(required(o, "pagenumber", token));
            String cookie = URLDecoder.decode(required(o, "pagingcookie", token), StandardCharsets.UTF_8);
            List<Element> inner = Element.parseAll(cookie);
            if (inner.isEmpty() || !inner.get(0).name().equals("cookie")) {
                throw unreadable(token, "its paging cookie is not a <cookie> element");
            }
            long returned = Long.parseLong(required(inner.get(0).attributes(), "returned", token));
            List<OrderBy.Key> keys = orderBy.keys();
            if (inner.size() != keys.size() + 2) {
                throw differentQuery();
            }
            List<String> props = new ArrayList<>();
            Object[] values = new Object[keys.size()];
            for (int i = 0; i < keys.size(); i++) {
                Element e = inner.get(i + 1);
                Column column = keys.get(i).column();
                if (!e.name().equals(column.propertyName())) {
                    throw differentQuery();
                }
                props.add(e.name());
                values[i] = e.attributes().containsKey("lastnull") ? null
                        : parse(column, required(e.attributes(), "last", token));
            }
            Element id = inner.get(inner.size() - 1);
            if (!id.name().equals(idProperty)) {
                throw differentQuery();
            }
            UUID last = unbraced(required(id.attributes(), "last", token));
            UUID first = id.attributes().containsKey("first") ? unbraced(id.attributes().get("first")) : last;
            return new SkipToken(pageNumber, returned, props, values, idProperty, last, first);
        } catch (DataverseException e) {
            throw e;
        } catch (RuntimeException e) {
            throw unreadable(token, e.getMessage());
        }
    }

    private static String text(Object value) {
        if (value instanceof LookupValue lookup) {
            return lookup.id().toString();
        }
        return value.toString();
    }

    private static Object parse(Column column, String text) {
        return switch (column.type()) {
            case STRING, MEMO, MULTISELECTPICKLIST -> text;
            case INTEGER, PICKLIST, STATE, STATUS -> Integer.valueOf(text);
            case BIGINT -> Long.valueOf(text);
            case DECIMAL, MONEY -> new BigDecimal(text);
            case DOUBLE -> Double.valueOf(text);
            case BOOLEAN -> Boolean.valueOf(text);
            case DATETIME -> Instant.parse(text);
            case DATEONLY -> LocalDate.parse(text);
            case UNIQUEIDENTIFIER, LOOKUP, CUSTOMER, OWNER -> UUID.fromString(text);
        };
    }

    private static String braced(UUID id) {
        return "{" + id.toString().toUpperCase(Locale.ROOT) + "}";
    }

    private static UUID unbraced(String text) {
        String t = text.startsWith("{") && text.endsWith("}") ? text.substring(1, text.length() - 1) : text;
        return UUID.fromString(t);
    }

    private static String required(Map<String, String> attributes, String name, String token) {
        String v = attributes.get(name);
        if (v == null) {
            throw unreadable(token, "it lacks the attribute " + name);
        }
        return v;
    }

    private static DataverseException unreadable(String token, String why) {
        return QueryErrors.badRequest("The $skiptoken '" + token + "' cannot be read (" + why
                + "): pass the @odata.nextLink of the previous page unchanged.");
    }

    private static DataverseException differentQuery() {
        return QueryErrors.badRequest("The $skiptoken was issued for a query with another $orderby: pass the"
                + " @odata.nextLink of the previous page unchanged.");
    }

    /** URL-encodes the paging cookie as Dataverse does: lowercase hex, only letters, digits and -_. kept. */
    private static String cookieEncode(String s) {
        StringBuilder out = new StringBuilder(s.length() * 2);
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.') {
                out.append(c);
            } else {
                out.append('%').append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
        }
        return out.toString();
    }

    private static String escapeXml(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c < ' ') {
                        out.append("&#").append((int) c).append(';');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** An XML start or empty element with its attributes; enough XML to read our own cookies back. */
    private record Element(String name, Map<String, String> attributes) {

        /** Every start or empty element in document order; end tags are skipped. */
        static List<Element> parseAll(String xml) {
            List<Element> elements = new ArrayList<>();
            int i = 0;
            while (true) {
                int lt = xml.indexOf('<', i);
                if (lt < 0) {
                    return elements;
                }
                if (lt + 1 < xml.length() && xml.charAt(lt + 1) == '/') {
                    int gt = xml.indexOf('>', lt);
                    if (gt < 0) {
                        throw new IllegalArgumentException("an end tag is not closed");
                    }
                    i = gt + 1;
                    continue;
                }
                int p = lt + 1;
                int nameStart = p;
                while (p < xml.length() && !Character.isWhitespace(xml.charAt(p)) && xml.charAt(p) != '/'
                        && xml.charAt(p) != '>') {
                    p++;
                }
                String name = xml.substring(nameStart, p);
                Map<String, String> attributes = new LinkedHashMap<>();
                while (true) {
                    while (p < xml.length() && Character.isWhitespace(xml.charAt(p))) {
                        p++;
                    }
                    if (p >= xml.length()) {
                        throw new IllegalArgumentException("the element <" + name + "> is not closed");
                    }
                    char c = xml.charAt(p);
                    if (c == '>') {
                        p++;
                        break;
                    }
                    if (c == '/') {
                        p++;
                        continue;
                    }
                    int eq = xml.indexOf('=', p);
                    if (eq < 0 || eq + 1 >= xml.length() || xml.charAt(eq + 1) != '"') {
                        throw new IllegalArgumentException("an attribute of <" + name + "> has no quoted value");
                    }
                    String attr = xml.substring(p, eq).trim();
                    int close = xml.indexOf('"', eq + 2);
                    if (close < 0) {
                        throw new IllegalArgumentException("an attribute value of <" + name + "> is not closed");
                    }
                    attributes.put(attr, unescapeXml(xml.substring(eq + 2, close)));
                    p = close + 1;
                }
                elements.add(new Element(name, attributes));
                i = p;
            }
        }

        private static String unescapeXml(String s) {
            if (s.indexOf('&') < 0) {
                return s;
            }
            StringBuilder out = new StringBuilder(s.length());
            int i = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c != '&') {
                    out.append(c);
                    i++;
                    continue;
                }
                int semi = s.indexOf(';', i);
                if (semi < 0) {
                    throw new IllegalArgumentException("an entity reference is not closed");
                }
                String entity = s.substring(i + 1, semi);
                switch (entity) {
                    case "amp" -> out.append('&');
                    case "lt" -> out.append('<');
                    case "gt" -> out.append('>');
                    case "quot" -> out.append('"');
                    case "apos" -> out.append('\'');
                    default -> {
                        if (!entity.startsWith("#")) {
                            throw new IllegalArgumentException("unknown entity &" + entity + ";");
                        }
                        out.append((char) Integer.parseInt(entity.substring(1)));
                    }
                }
                i = semi + 1;
            }
            return out.toString();
        }
    }
}
