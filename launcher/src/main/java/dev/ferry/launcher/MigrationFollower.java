package dev.ferry.launcher;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Posts a plan to the coordinator and follows the run to its end, showing each table's progress. The outcome
 * says whether the run succeeded; a refused plan prints every problem.
 */
final class MigrationFollower {
    /** How often the run is looked at (the issue: every second). */
    static final Duration DEFAULT_POLL = Duration.ofSeconds(1);
    /** How long the coordinator may be unreachable while following (a restarted coordinator resumes its runs). */
    static final Duration LOST_CONTACT_LIMIT = Duration.ofSeconds(60);
    /** Rejected records listed in the summary; the rest are counted. */
    static final int REJECTED_SHOWN = 10;

    private final CoordinatorClient client;
    private final PrintWriter out;
    private final boolean redraw;
    private final Duration poll;

    MigrationFollower(CoordinatorClient client, PrintWriter out, boolean redraw, Duration poll) {
        this.client = client;
        this.out = out;
        this.redraw = redraw;
        this.poll = poll;
    }

    /**
     * What became of a plan.
     *
     * @param run      the run as it ended, or {@code null} when the plan was refused
     * @param elapsed  from posting the plan to the run's end
     * @param exitCode {@link ExitCodes#OK} only when the run succeeded
     */
    record Outcome(CoordinatorClient.Run run, Duration elapsed, int exitCode) {
    }

    Outcome migrate(String planJson, String planLabel) {
        long start = System.nanoTime();
        CoordinatorClient.Submission submission = client.submit(planJson);
        if (!submission.accepted()) {
            printRefusal(submission, planLabel);
            return new Outcome(null, elapsedSince(start), ExitCodes.FAILED);
        }
        String runId = submission.runId().orElseThrow();
        out.println("The coordinator accepted " + planLabel + " as run " + runId + ".");
        out.flush();
        Thread hint = new Thread(() -> {
            out.println();
            out.println("Stopped following. The run " + runId + " goes on: follow it with ./ferry status " + runId
                    + ", or cancel it with curl -X POST " + client.baseUrl() + "/migrations/" + runId + "/cancel");
            out.flush();
        }, "ferry-follow-hint");
        Runtime.getRuntime().addShutdownHook(hint);
        try {
            CoordinatorClient.Run run = follow(runId, start);
            Duration elapsed = elapsedSince(start);
            return new Outcome(run, elapsed, report(run, elapsed));
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hint);
            } catch (IllegalStateException e) {
                // shutting down: the hint is printed
            }
        }
    }

    private CoordinatorClient.Run follow(String runId, long start) {
        ProgressDisplay display = new ProgressDisplay(out, redraw, TerminalSupport.columns());
        long lostSince = 0;
        while (true) {
            CoordinatorClient.Run run;
            try {
                run = client.run(runId);
                lostSince = 0;
            } catch (LauncherException e) {
                if (e.exitCode() != ExitCodes.NOT_RUNNING) {
                    throw e;
                }
                if (lostSince == 0) {
                    lostSince = System.nanoTime();
                    out.println("Lost contact with the coordinator (" + e.getMessage() + "); trying again for "
                            + LOST_CONTACT_LIMIT.toSeconds() + " s (the run goes on when it is back).");
                    out.flush();
                } else if (System.nanoTime() - lostSince > LOST_CONTACT_LIMIT.toNanos()) {
                    throw new LauncherException(ExitCodes.NOT_RUNNING, "The coordinator at " + client.baseUrl()
                            + " stopped answering. Start it again (./ferry down, then ./ferry up) and follow run "
                            + runId + " with ./ferry status " + runId + ".");
                }
                sleep();
                continue;
            }
            display.show(run, elapsedSince(start));
            if (run.finished()) {
                return run;
            }
            sleep();
        }
    }

    private int report(CoordinatorClient.Run run, Duration elapsed) {
        run.notes().forEach(note -> out.println("Note: " + note));
        if (run.succeeded()) {
            out.println("Run " + run.id() + " succeeded in " + Durations.seconds(elapsed) + ": "
                    + Durations.count(run.loaded()) + " records loaded, " + Durations.count(run.rejected()) + " rejected.");
            if (run.rejected() > 0) {
                printRejected(run);
            }
            out.flush();
            return ExitCodes.OK;
        }
        out.println("Run " + run.id() + " " + run.status().toLowerCase(java.util.Locale.ROOT) + " after "
                + Durations.seconds(elapsed) + run.failure().map(f -> ": " + f).orElse("."));
        for (CoordinatorClient.Table table : run.tables()) {
            run.noteOf(table).filter(note -> table.failure().isPresent() && table.failure().get().equals(note))
                    .ifPresent(note -> out.println("  " + table.name() + ": " + note));
        }
        printRejected(run);
        out.flush();
        return ExitCodes.FAILED;
    }

    private void printRejected(CoordinatorClient.Run run) {
        CoordinatorClient.ErrorReport report = client.errors(run.id(), REJECTED_SHOWN);
        if (report.total() == 0) {
            return;
        }
        String byTable = run.tables().stream().filter(t -> t.rejected() > 0)
                .map(t -> t.name() + " " + Durations.count(t.rejected())).collect(Collectors.joining(", "));
        out.println(Durations.count(report.total()) + " records rejected by the target"
                + (byTable.isEmpty() ? "" : " (" + byTable + ")") + ":");
        List<CoordinatorClient.RejectedRecord> shown = report.records().stream().limit(REJECTED_SHOWN).toList();
        for (CoordinatorClient.RejectedRecord record : shown) {
            out.println("  " + record.table() + " " + record.record() + ": " + record.reason());
        }
        if (report.total() > shown.size()) {
            out.println("  ... and " + Durations.count(report.total() - shown.size()) + " more: "
                    + client.baseUrl() + "/migrations/" + run.id() + "/errors");
        }
    }

    private void printRefusal(CoordinatorClient.Submission submission, String planLabel) {
        out.println("The coordinator refused " + planLabel + ": " + submission.refusal());
        if (!submission.problems().isEmpty()) {
            out.println(submission.problems().size() + (submission.problems().size() == 1 ? " problem:" : " problems:"));
            for (CoordinatorClient.Problem problem : submission.problems()) {
                out.println("  " + (problem.location().isEmpty() ? "(plan)" : problem.location()) + ": " + problem.message());
            }
        }
        out.println("Fix the plan and run ./ferry migrate again.");
        out.flush();
    }

    private void sleep() {
        try {
            Thread.sleep(poll.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LauncherException.failed("Interrupted while following the run.");
        }
    }

    private static Duration elapsedSince(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
