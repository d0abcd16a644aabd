package dev.ferry.emulator.query;

import dev.ferry.emulator.http.WebApi;
import dev.ferry.emulator.query.FilterToken.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits a {@code $filter} expression into tokens: identifiers (properties, operators,
 * functions), literals typed as ODataLib types them (strings, numbers, guids, dates, date-times,
 * booleans, null), parentheses, commas and slashes. Parameter aliases ({@code @p1}) are replaced
 * by the tokens of their value from the query string.
 */
final class FilterLexer {
    private static final int GUID_LENGTH = 36;
    private static final int DATE_LENGTH = 10;

    private final String text;
    private final Map<String, String> aliases;
    private final List<FilterToken> tokens = new ArrayList<>();
    private int pos;

    private FilterLexer(String text, Map<String, String> aliases) {
        this.text = text;
        this.aliases = aliases;
    }

    /** Tokenises {@code text}, ending with an END token; {@code aliases} maps {@code @name} to its value. */
    static List<FilterToken> tokenize(String text, Map<String, String> aliases) {
        FilterLexer lexer = new FilterLexer(text, aliases);
        lexer.run(true);
        return lexer.tokens;
    }

    private void run(boolean allowAliases) {
        while (true) {
            skipSpaces();
            if (pos >= text.length()) {
                tokens.add(new FilterToken(Kind.END, "", pos));
                return;
            }
            char c = text.charAt(pos);
            switch (c) {
                case '(' -> single(Kind.OPEN);
                case ')' -> single(Kind.CLOSE);
                case ',' -> single(Kind.COMMA);
                case '/' -> single(Kind.SLASH);
                case '\'' -> string();
                case '@' -> {
                    if (!allowAliases) {
                        throw invalidCharacter(c);
                    }
                    alias();
                }
                default -> {
                    if (!isWordChar(c)) {
                        throw invalidCharacter(c);
                    }
                    word();
                }
            }
        }
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private void single(Kind kind) {
        tokens.add(new FilterToken(kind, String.valueOf(text.charAt(pos)), pos));
        pos++;
    }

    private void string() {
        int start = pos;
        StringBuilder value = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= text.length()) {
                throw QueryErrors.badRequest("There is an unterminated string literal at position " + start + " in '"
                        + text + "'.");
            }
            char c = text.charAt(pos);
            if (c == '\'') {
                if (pos + 1 < text.length() && text.charAt(pos + 1) == '\'') {
                    value.append('\'');
                    pos += 2;
                    continue;
                }
                pos++;
                break;
            }
            value.append(c);
            pos++;
        }
        tokens.add(new FilterToken(Kind.STRING, value.toString(), start));
    }

    private void alias() {
        int start = pos;
        pos++;
        while (pos < text.length() && isWordChar(text.charAt(pos))) {
            pos++;
        }
        String name = text.substring(start, pos);
        String value = aliases.get(name);
        if (value == null) {
            throw QueryErrors.badRequest("The parameter alias '" + name + "' at position " + start + " in '" + text
                    + "' has no value: add " + name + "=<value> to the query string.");
        }
        FilterLexer inner = new FilterLexer(value, Map.of());
        inner.run(false);
        for (FilterToken t : inner.tokens) {
            if (!t.is(Kind.END)) {
                tokens.add(new FilterToken(t.kind(), t.text(), start));
            }
        }
    }

    private void word() {
        int start = pos;
        while (pos < text.length() && isWordChar(text.charAt(pos))) {
            pos++;
        }
        String w = text.substring(start, pos);
        if (w.startsWith(FilterParser.DATAVERSE_FUNCTION_PREFIX)) {
            // Their named arguments (PropertyName='x') are not OData syntax: refuse before reading them.
            throw WebApi.notImplemented("the query function " + w + " in $filter");
        }
        tokens.add(new FilterToken(classify(w, start), w, start));
    }

    private Kind classify(String w, int start) {
        if (w.equals("null")) {
            return Kind.NULL;
        }
        if (w.equals("true") || w.equals("false")) {
            return Kind.BOOLEAN;
        }
        if (isGuid(w)) {
            return Kind.GUID;
        }
        char first = w.charAt(0);
        boolean numeric = Character.isDigit(first)
                || ((first == '-' || first == '+') && w.length() > 1 && Character.isDigit(w.charAt(1)));
        if (numeric) {
            if (isDate(w, 0) && w.length() == DATE_LENGTH) {
                return Kind.DATE;
            }
            if (isDate(w, 0) && w.length() > DATE_LENGTH && w.charAt(DATE_LENGTH) == 'T') {
                return Kind.DATETIME;
            }
            if (isNumber(w)) {
                return Kind.NUMBER;
            }
            throw QueryErrors.badRequest("Syntax error at position " + start + " in '" + text + "': '" + w
                    + "' is not a valid literal.");
        }
        if (Character.isLetter(first) || first == '_') {
            return Kind.IDENTIFIER;
        }
        throw QueryErrors.badRequest("Syntax error at position " + start + " in '" + text + "'.");
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == ':' || c == '+' || c == '$';
    }

    static boolean isGuid(String w) {
        if (w.length() != GUID_LENGTH) {
            return false;
        }
        for (int i = 0; i < GUID_LENGTH; i++) {
            char c = w.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : Character.digit(c, 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDate(String w, int from) {
        if (w.length() < from + DATE_LENGTH) {
            return false;
        }
        for (int i = 0; i < DATE_LENGTH; i++) {
            char c = w.charAt(from + i);
            boolean dash = i == 4 || i == 7;
            if (dash ? c != '-' : !Character.isDigit(c)) {
                return false;
            }
        }
        return true;
    }

    /** Integers and decimals with an optional exponent and an optional type suffix (M, D, F, L). */
    private static boolean isNumber(String w) {
        int i = 0;
        int n = w.length();
        char last = Character.toUpperCase(w.charAt(n - 1));
        if (last == 'M' || last == 'D' || last == 'F' || last == 'L') {
            n--;
        }
        if (i < n && (w.charAt(i) == '-' || w.charAt(i) == '+')) {
            i++;
        }
        int digits = 0;
        while (i < n && Character.isDigit(w.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && w.charAt(i) == '.') {
            i++;
            while (i < n && Character.isDigit(w.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (w.charAt(i) == 'e' || w.charAt(i) == 'E')) {
            i++;
            if (i < n && (w.charAt(i) == '-' || w.charAt(i) == '+')) {
                i++;
            }
            int exp = 0;
            while (i < n && Character.isDigit(w.charAt(i))) {
                i++;
                exp++;
            }
            if (exp == 0) {
                return false;
            }
        }
        return i == n;
    }

    private RuntimeException invalidCharacter(char c) {
        return QueryErrors.badRequest("Syntax error: character '" + c + "' is not valid at position " + pos + " in '"
                + text + "'.");
    }
}
