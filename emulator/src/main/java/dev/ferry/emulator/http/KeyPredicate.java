package dev.ferry.emulator.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The key in parentheses after an entity set: a primary id {@code (00000000-…)} or named
 * alternate key values {@code (accountnumber='A1',name='x')}.
 *
 * @param id the primary id, or null for an alternate key
 * @param named alternate key column to its literal (strings unquoted, with {@code ''} unescaped)
 * @param quoted which named values were quoted string literals
 */
public record KeyPredicate(UUID id, Map<String, String> named, Map<String, Boolean> quoted) {

    public boolean isPrimary() {
        return id != null;
    }

    /** Parses the text between the parentheses; throws a 400 Dataverse error when malformed. */
    public static KeyPredicate parse(String text) {
        String t = text.trim();
        if (!t.contains("=")) {
            return new KeyPredicate(parseGuid(t), Map.of(), Map.of());
        }
        Map<String, String> named = new LinkedHashMap<>();
        Map<String, Boolean> quoted = new LinkedHashMap<>();
        int i = 0;
        while (i < t.length()) {
            int eq = t.indexOf('=', i);
            if (eq < 0) {
                throw malformed(text);
            }
            String name = t.substring(i, eq).trim();
            int j = eq + 1;
            StringBuilder value = new StringBuilder();
            boolean isQuoted = j < t.length() && t.charAt(j) == '\'';
            if (isQuoted) {
                j++;
                while (true) {
                    if (j >= t.length()) {
                        throw malformed(text);
                    }
                    char c = t.charAt(j);
                    if (c == '\'') {
                        if (j + 1 < t.length() && t.charAt(j + 1) == '\'') {
                            value.append('\'');
                            j += 2;
                            continue;
                        }
                        j++;
                        break;
                    }
                    value.append(c);
                    j++;
                }
            } else {
                while (j < t.length() && t.charAt(j) != ',') {
                    value.append(t.charAt(j++));
                }
            }
            if (name.isEmpty()) {
                throw malformed(text);
            }
            named.put(name, isQuoted ? value.toString() : value.toString().trim());
            quoted.put(name, isQuoted);
            while (j < t.length() && t.charAt(j) == ' ') {
                j++;
            }
            if (j < t.length()) {
                if (t.charAt(j) != ',') {
                    throw malformed(text);
                }
                j++;
            }
            i = j;
        }
        return new KeyPredicate(null, named, quoted);
    }

    public static UUID parseGuid(String text) {
        String t = text.trim();
        if (t.startsWith("{") && t.endsWith("}")) {
            t = t.substring(1, t.length() - 1);
        }
        try {
            if (t.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(t);
        } catch (IllegalArgumentException e) {
            throw new DataverseException(400, ErrorCodes.BAD_REQUEST,
                    "Bad Request - Error in query syntax: '" + text + "' is not a valid Guid key.");
        }
    }

    private static DataverseException malformed(String text) {
        return new DataverseException(400, ErrorCodes.BAD_REQUEST,
                "Bad Request - Error in query syntax: the key '(" + text + ")' cannot be read.");
    }
}
