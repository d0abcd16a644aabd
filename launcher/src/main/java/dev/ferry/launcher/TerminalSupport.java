package dev.ferry.launcher;

/** Whether standard output is a terminal, where progress is redrawn in place rather than appended. */
final class TerminalSupport {
    /** Set by {@code ./ferry} from {@code [ -t 1 ]}: the JVM alone cannot tell stdout from stdin. */
    static final String TTY_PROPERTY = "ferry.stdout.tty";
    /** Set by {@code ./ferry} from {@code tput cols}: the terminal's width. */
    static final String COLUMNS_PROPERTY = "ferry.columns";
    /** The width assumed when the terminal does not tell. */
    static final int DEFAULT_COLUMNS = 80;

    private TerminalSupport() {
    }

    static boolean stdoutIsTerminal() {
        String term = System.getenv("TERM");
        if ("dumb".equals(term)) {
            return false;
        }
        String property = System.getProperty(TTY_PROPERTY);
        if (property != null) {
            return Boolean.parseBoolean(property);
        }
        return System.console() != null;
    }

    /** The terminal's width, from {@code ./ferry} or {@code $COLUMNS}, else {@value #DEFAULT_COLUMNS}. */
    static int columns() {
        for (String value : new String[] {System.getProperty(COLUMNS_PROPERTY), System.getenv("COLUMNS")}) {
            try {
                if (value != null && Integer.parseInt(value.trim()) > 0) {
                    return Integer.parseInt(value.trim());
                }
            } catch (NumberFormatException e) {
                // not a width: try the next source
            }
        }
        return DEFAULT_COLUMNS;
    }
}
