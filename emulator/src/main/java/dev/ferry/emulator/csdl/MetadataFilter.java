package dev.ferry.emulator.csdl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.emulator.http.WebApi;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code $filter} the emulator understands on metadata collections: comparisons
 * {@code Property eq|ne literal} (a path like {@code RequiredLevel/Value} allowed) joined by
 * {@code and}. Literals: strings, numbers, true, false, null and enum values such as
 * {@code Microsoft.Dynamics.CRM.AttributeTypeCode'Lookup'}. Anything else answers 501.
 */
final class MetadataFilter {
    private static final Pattern CONDITION = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_/]*)\\s+(eq|ne)\\s+(.+?)\\s*");
    private static final Pattern ENUM_LITERAL = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*'(.*)'");
    private static final String AND = " and ";

    private final List<Condition> conditions;

    private MetadataFilter(List<Condition> conditions) {
        this.conditions = conditions;
    }

    /** Accepts every node. */
    static MetadataFilter none() {
        return new MetadataFilter(List.of());
    }

    static MetadataFilter parse(String filter) {
        List<Condition> conditions = new ArrayList<>();
        for (String part : splitOutsideQuotes(filter)) {
            Matcher m = CONDITION.matcher(part);
            if (!m.matches()) {
                throw unsupported(filter);
            }
            conditions.add(new Condition("/" + m.group(1), m.group(2).equals("ne"), literal(m.group(3), filter)));
        }
        return new MetadataFilter(conditions);
    }

    boolean accepts(JsonNode node) {
        for (Condition c : conditions) {
            if (c.matches(node) == c.negated) {
                return false;
            }
        }
        return true;
    }

    private static List<String> splitOutsideQuotes(String filter) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < filter.length(); i++) {
            char c = filter.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == ')')) {
                throw unsupported(filter);
            } else if (!quoted && filter.regionMatches(true, i, AND, 0, AND.length())) {
                parts.add(filter.substring(start, i));
                start = i + AND.length();
                i = start - 1;
            } else if (!quoted && filter.regionMatches(true, i, " or ", 0, " or ".length())) {
                throw unsupported(filter);
            }
        }
        parts.add(filter.substring(start));
        return parts;
    }

    private static Object literal(String text, String filter) {
        if (text.length() >= 2 && text.startsWith("'") && text.endsWith("'")) {
            return text.substring(1, text.length() - 1).replace("''", "'");
        }
        Matcher e = ENUM_LITERAL.matcher(text);
        if (e.matches()) {
            return e.group(1);
        }
        switch (text) {
            case "true" -> {
                return Boolean.TRUE;
            }
            case "false" -> {
                return Boolean.FALSE;
            }
            case "null" -> {
                return null;
            }
            default -> {
                try {
                    return new BigDecimal(text);
                } catch (NumberFormatException ex) {
                    throw unsupported(filter);
                }
            }
        }
    }

    private static RuntimeException unsupported(String filter) {
        return WebApi.notImplemented("the $filter '" + filter + "' on metadata (only 'Property eq literal' "
                + "comparisons joined by 'and' are supported there)");
    }

    /** One comparison. */
    private record Condition(String pointer, boolean negated, Object value) {
        boolean matches(JsonNode node) {
            JsonNode v = node.at(pointer);
            if (value == null) {
                return v.isMissingNode() || v.isNull();
            }
            if (value instanceof Boolean b) {
                return v.isBoolean() && v.booleanValue() == b;
            }
            if (value instanceof BigDecimal d) {
                return v.isNumber() && v.decimalValue().compareTo(d) == 0;
            }
            return v.isTextual() && v.textValue().equals(value);
        }
    }
}
