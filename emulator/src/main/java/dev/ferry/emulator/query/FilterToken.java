package dev.ferry.emulator.query;

/**
 * One token of a {@code $filter} expression.
 *
 * @param text for strings the unescaped content; otherwise the token as written
 * @param position 0-based offset in the expression, for error messages
 */
record FilterToken(Kind kind, String text, int position) {

    /** What a token is; literals carry the EDM type ODataLib would give them. */
    enum Kind {
        IDENTIFIER, STRING, NUMBER, GUID, DATE, DATETIME, BOOLEAN, NULL, OPEN, CLOSE, COMMA, SLASH, END;

        boolean isLiteral() {
            return this == STRING || this == NUMBER || this == GUID || this == DATE || this == DATETIME
                    || this == BOOLEAN || this == NULL;
        }
    }

    boolean is(Kind k) {
        return kind == k;
    }

    boolean isWord(String word) {
        return kind == Kind.IDENTIFIER && text.equals(word);
    }

    /** The EDM type name ODataLib gives a literal, for type-mismatch messages. */
    String edmType() {
        return switch (kind) {
            case STRING -> "Edm.String";
            case GUID -> "Edm.Guid";
            case DATE -> "Edm.Date";
            case DATETIME -> "Edm.DateTimeOffset";
            case BOOLEAN -> "Edm.Boolean";
            case NUMBER -> numberType();
            default -> kind.name();
        };
    }

    private String numberType() {
        char last = Character.toUpperCase(text.charAt(text.length() - 1));
        if (last == 'M') {
            return "Edm.Decimal";
        }
        if (last == 'D' || last == 'F') {
            return "Edm.Double";
        }
        if (last == 'L') {
            return "Edm.Int64";
        }
        if (text.indexOf('.') >= 0 || text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
            return "Edm.Decimal";
        }
        try {
            Integer.parseInt(text);
            return "Edm.Int32";
        } catch (NumberFormatException e) {
            return "Edm.Int64";
        }
    }
}
