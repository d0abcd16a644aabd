package dev.ferry.launcher;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Shows a run's progress, one line per table (status, extracted, loaded, rejected). On a terminal the lines
 * are redrawn in place with ANSI escapes, as columns under a header, each cut to the terminal's width (a
 * wrapped line would break the redrawing); elsewhere (a pipe, a log, CI) a labelled line is appended whenever a
 * table's progress changes, with the time, so that the output reads as a log.
 */
final class ProgressDisplay {
    private static final String CLEAR_LINE = "\u001b[2K";
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final String COLUMNS = "  %-22s %-10s %11s %11s %9s";

    private final PrintWriter out;
    private final boolean redraw;
    private final int width;
    private int linesDrawn;
    private final Map<String, String> lastLine = new HashMap<>();

    /** {@code width}: the terminal's columns, when redrawing. */
    ProgressDisplay(PrintWriter out, boolean redraw, int width) {
        this.out = out;
        this.redraw = redraw;
        this.width = width;
    }

    void show(CoordinatorClient.Run run, Duration elapsed) {
        String runLine = String.format("Run %s%s: %s, %s", run.id(), run.name().isEmpty() ? "" : " (" + run.name() + ")",
                run.status(), Durations.seconds(elapsed));
        if (redraw) {
            List<String> lines = new ArrayList<>();
            lines.add(runLine);
            lines.add(String.format(COLUMNS, "TABLE", "STATUS", "EXTRACTED", "LOADED", "REJECTED"));
            run.tables().forEach(table -> lines.add(column(table)));
            redraw(lines);
        } else {
            append(run, runLine);
        }
        out.flush();
    }

    private static String column(CoordinatorClient.Table table) {
        return String.format(COLUMNS, table.name(), table.status(), Durations.count(table.extracted()),
                Durations.count(table.loaded()), Durations.count(table.rejected())) + waits(table);
    }

    /** A table's progress as a line of a log, e.g. {@code accounts  LOADING  extracted 10,000  loaded 5,000  rejected 0}. */
    static String tableLine(CoordinatorClient.Table table) {
        return String.format("  %-22s %-10s extracted %,d  loaded %,d  rejected %,d", table.name(), table.status(),
                table.extracted(), table.loaded(), table.rejected()) + waits(table);
    }

    private static String waits(CoordinatorClient.Table table) {
        return table.waitingFor().isEmpty() ? "" : "  (waits for " + String.join(", ", table.waitingFor()) + ")";
    }

    private void redraw(List<String> lines) {
        if (linesDrawn > 0) {
            out.print("\u001b[" + linesDrawn + "A\r"); // back to the first line drawn last time
        }
        for (String line : lines) {
            out.print(CLEAR_LINE);
            out.println(line.length() < width ? line : line.substring(0, Math.max(1, width - 2)) + "…");
        }
        for (int i = lines.size(); i < linesDrawn; i++) {
            out.print(CLEAR_LINE);
            out.println();
        }
        linesDrawn = Math.max(linesDrawn, lines.size());
    }

    private void append(CoordinatorClient.Run run, String runLine) {
        String clock = LocalTime.now().format(CLOCK);
        // The run's line carries the elapsed time, which changes every poll: it is repeated when its status changes.
        if (!run.status().equals(lastLine.put("\u0000run", run.status()))) {
            out.println(clock + " " + runLine);
        }
        for (CoordinatorClient.Table table : run.tables()) {
            String line = tableLine(table);
            if (!line.equals(lastLine.put(table.name(), line))) {
                out.println(clock + " " + line);
            }
        }
    }
}
