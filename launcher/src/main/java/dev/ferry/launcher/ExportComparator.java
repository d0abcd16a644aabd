package dev.ferry.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Optional;

/**
 * Compares two table exports (JSON lines in id order, see emulator/README.md, "Export format") line by line,
 * streaming: neither is held whole. Both are read to their end so that the counts are complete.
 */
final class ExportComparator {
    /** How much of a differing line is shown: enough to see the column, not a screenful. */
    static final int SHOWN_CHARACTERS = 400;

    private ExportComparator() {
    }

    /** The first line that differs (1-based), as each side has it ({@code null}: that side had ended). */
    record Difference(long line, String source, String target) {
    }

    /**
     * What the comparison found.
     *
     * @param sourceRows lines of the source
     * @param targetRows lines of the target
     * @param first      the first difference, if any
     */
    record Comparison(long sourceRows, long targetRows, Optional<Difference> first) {
        boolean matches() {
            return first.isEmpty();
        }
    }

    static Comparison compare(BufferedReader source, BufferedReader target) throws IOException {
        long sourceRows = 0;
        long targetRows = 0;
        Difference first = null;
        while (true) {
            String s = source.readLine();
            String t = target.readLine();
            if (s == null && t == null) {
                break;
            }
            if (s != null) {
                sourceRows++;
            }
            if (t != null) {
                targetRows++;
            }
            if (first == null && (s == null || !s.equals(t))) {
                first = new Difference(Math.max(sourceRows, targetRows), abbreviate(s), abbreviate(t));
            }
        }
        return new Comparison(sourceRows, targetRows, Optional.ofNullable(first));
    }

    private static String abbreviate(String line) {
        if (line == null || line.length() <= SHOWN_CHARACTERS) {
            return line;
        }
        return line.substring(0, SHOWN_CHARACTERS) + "…";
    }
}
