package dev.ferry.emulator.http;

import java.util.ArrayList;
import java.util.List;

/** Splits query option text such as {@code $select} or {@code $expand} lists at top level only. */
public final class QueryText {
    private QueryText() {
    }

    /**
     * Splits {@code text} at {@code separator} outside parentheses and single-quoted literals, so
     * that {@code a,b($select=c,d),'e,f'} gives three parts. Parts keep their surrounding spaces.
     */
    public static List<String> splitTopLevel(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == separator) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }
}
