package dev.ferry.emulator.http;

import java.util.ArrayList;
import java.util.List;

/**
 * A request path below the service root split into segments, each a name with an optional key:
 * {@code accounts(id)/accountleads_association/$ref} → [accounts(id), accountleads_association, $ref].
 * Slashes inside quoted key values do not split.
 */
public record ResourcePath(List<Segment> segments) {

    /** One path segment: a name and, when it had one, the text between its parentheses. */
    public record Segment(String name, String key) {
        public boolean hasKey() {
            return key != null;
        }

        public KeyPredicate keyPredicate() {
            return KeyPredicate.parse(key);
        }
    }

    public int size() {
        return segments.size();
    }

    public Segment get(int i) {
        return segments.get(i);
    }

    public boolean isEmpty() {
        return segments.isEmpty();
    }

    /** The segment names joined with '/', keys shown as {@code ()}: for messages and routing. */
    public String shape() {
        StringBuilder sb = new StringBuilder();
        for (Segment s : segments) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(s.name());
            if (s.hasKey()) {
                sb.append("()");
            }
        }
        return sb.toString();
    }

    public static ResourcePath parse(String path) {
        List<Segment> segments = new ArrayList<>();
        StringBuilder name = new StringBuilder();
        StringBuilder key = null;
        boolean inQuote = false;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (key != null) {
                if (c == '\'') {
                    inQuote = !inQuote;
                    key.append(c);
                } else if (c == ')' && !inQuote) {
                    segments.add(new Segment(name.toString(), key.toString()));
                    name.setLength(0);
                    key = null;
                    if (i + 1 < path.length() && path.charAt(i + 1) != '/') {
                        throw new DataverseException(400, ErrorCodes.BAD_REQUEST,
                                "Bad Request - Error in query syntax: unexpected text after a key in '" + path + "'.");
                    }
                    i++;
                } else {
                    key.append(c);
                }
            } else if (c == '(') {
                key = new StringBuilder();
            } else if (c == '/') {
                if (name.length() > 0) {
                    segments.add(new Segment(name.toString(), null));
                    name.setLength(0);
                }
            } else {
                name.append(c);
            }
        }
        if (key != null) {
            throw new DataverseException(400, ErrorCodes.BAD_REQUEST,
                    "Bad Request - Error in query syntax: unclosed '(' in '" + path + "'.");
        }
        if (name.length() > 0) {
            segments.add(new Segment(name.toString(), null));
        }
        return new ResourcePath(List.copyOf(segments));
    }
}
