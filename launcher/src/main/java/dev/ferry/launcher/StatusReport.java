package dev.ferry.launcher;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/** {@code ./ferry status}: the history of runs, or one run's tables. */
final class StatusReport {
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private StatusReport() {
    }

    static void history(List<CoordinatorClient.Run> runs, String coordinator, PrintWriter out) {
        if (runs.isEmpty()) {
            out.println("No runs yet at " + coordinator + ": post a plan with ./ferry migrate PLAN.json (or try ./ferry demo).");
            out.flush();
            return;
        }
        TextTable table = new TextTable(List.of("RUN", "NAME", "STATUS", "TABLES", "EXTRACTED", "LOADED", "REJECTED", "CREATED"),
                List.of(3, 4, 5, 6));
        for (CoordinatorClient.Run run : runs) {
            table.row(run.id(), run.name(), run.status(), Integer.toString(run.tableCount()),
                    Durations.count(run.extracted()), Durations.count(run.loaded()), Durations.count(run.rejected()),
                    time(run.createdAt()));
        }
        table.print(out);
        out.println("One run's tables: ./ferry status RUN");
        out.flush();
    }

    static void run(CoordinatorClient.Run run, PrintWriter out) {
        out.println("Run " + run.id() + (run.name().isEmpty() ? "" : " (" + run.name() + ")") + ": " + run.status()
                + ", created " + time(run.createdAt()) + run.finishedAt().map(f -> ", finished " + time(Optional.of(f))).orElse(""));
        run.failure().ifPresent(f -> out.println("Failure: " + f));
        run.notes().forEach(note -> out.println("Note: " + note));
        TextTable table = new TextTable(List.of("TABLE", "STATUS", "EXTRACTED", "LOADED", "REJECTED", "NOTE"), List.of(2, 3, 4));
        for (CoordinatorClient.Table t : run.tables()) {
            String note = run.noteOf(t).orElse("");
            table.row(t.name(), t.status(), Durations.count(t.extracted()), Durations.count(t.loaded()),
                    Durations.count(t.rejected()), note);
        }
        table.row("total", "", Durations.count(run.extracted()), Durations.count(run.loaded()),
                Durations.count(run.rejected()), "");
        table.print(out);
        out.flush();
    }

    private static String time(Optional<Instant> instant) {
        return instant.map(LOCAL_TIME::format).orElse("-");
    }
}
