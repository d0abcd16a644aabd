package dev.ferry.launcher;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ./ferry demo}: the whole of Ferry on this machine. Starts the stack with a source seeded with the crm
 * sample, migrates every crm table to the empty target, verifies that the target equals the source, prints a
 * summary and stops the stack (unless {@code --keep}).
 */
@Command(name = "demo", header = "Starts everything, migrates the crm sample to an empty target, verifies it, stops.",
        mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Starts the local stack with a 'source' emulator seeded with the crm sample and an empty 'target',"
                    + " migrates every crm table (systemusers, teams, accounts, contacts, leads, opportunities) with"
                    + " the plan it writes to .ferry/demo-plan.json, shows each table's progress, verifies that the"
                    + " target's exports equal the source's, prints rows, time and rows/s, and stops the stack.",
            "Exit status 0 only when the migration succeeded and the target equals the source."})
final class DemoCommand implements Callable<Integer> {
    @ParentCommand
    FerryMain ferry;

    @Option(names = "--size", paramLabel = "small|default|large|N", converter = DemoSize.Converter.class,
            defaultValue = "default", description = DemoSize.HELP)
    DemoSize size;

    @Option(names = "--keep", description = "Leave the stack running afterwards (and print its URLs); stop it with ./ferry down.")
    boolean keep;

    @Mixin
    PortOptions ports;

    @Override
    public Integer call() {
        PrintWriter out = ferry.spec.commandLine().getOut();
        Workspace workspace = ferry.workspace();
        Ports chosen = ports.ports();
        LocalStack stack = new LocalStack(workspace);
        long demoStart = System.nanoTime();
        out.println("Ferry demo: " + Durations.count(size.total()) + " rows of the crm sample (" + size.label()
                + ": " + size.seedSpec() + ") from an emulated source to an empty target.");
        out.flush();
        stack.up(chosen, Optional.of(size.seedSpec()), List.of(), out);

        Thread stopOnInterrupt = new Thread(() -> {
            if (!keep) {
                out.println();
                out.println("Interrupted: stopping the demo's stack.");
                stack.down(out);
            }
        }, "ferry-demo-stop");
        Runtime.getRuntime().addShutdownHook(stopOnInterrupt);
        int status;
        try {
            status = migrateAndVerify(chosen, workspace, out, demoStart);
        } catch (LauncherException e) {
            // Said before the stack stops, where it happened, rather than after.
            PrintWriter err = ferry.spec.commandLine().getErr();
            out.flush();
            err.println(e.getMessage());
            err.flush();
            status = e.exitCode();
        } finally {
            removeHook(stopOnInterrupt);
            out.println();
            if (keep) {
                StackUrls.print(out, chosen, List.of(), workspace);
            } else {
                stack.down(out);
                out.println("The demo's stack is stopped.");
            }
            out.flush();
        }
        return status;
    }

    private int migrateAndVerify(Ports ports, Workspace workspace, PrintWriter out, long demoStart) {
        String plan = DemoPlan.write(workspace.demoPlan());
        out.println();
        out.println("Migrating with the plan " + workspace.display(workspace.demoPlan()) + " ...");
        out.flush();
        MigrationFollower follower = new MigrationFollower(new CoordinatorClient(ports.coordinatorUrl()), out,
                TerminalSupport.stdoutIsTerminal(), MigrationFollower.DEFAULT_POLL);
        MigrationFollower.Outcome outcome = follower.migrate(plan, workspace.display(workspace.demoPlan()));
        if (outcome.exitCode() != ExitCodes.OK) {
            out.println("The demo's migration did not succeed (see above). The services' logs are in "
                    + workspace.display(workspace.logs()) + "/" + (keep ? "." : "; ./ferry demo --keep leaves the stack"
                    + " running to look at it afterwards."));
            return ExitCodes.FAILED;
        }
        out.println();
        out.println("Verifying that the target equals the source (admin exports compared line by line) ...");
        out.flush();
        TargetVerifier verifier = new TargetVerifier(StackDefinition.adminUrl(ports.source()),
                StackDefinition.adminUrl(ports.target()));
        List<TargetVerifier.TableResult> tables = verifier.verify(
                CrmSample.TABLES.stream().map(CrmSample.SampleTable::logicalName).toList());
        List<TargetVerifier.TableResult> associations = verifier.verifyAssociations(CrmSample.RELATIONSHIPS);
        List<TargetVerifier.TableResult> results = new ArrayList<>(tables);
        results.addAll(associations);
        boolean matched = printVerification(results, out);
        printSummary(tables, associations, outcome, Duration.ofNanos(System.nanoTime() - demoStart), out);
        if (!matched) {
            out.println("The target does not equal the source." + (keep ? " Compare the exports yourself: curl "
                    + StackDefinition.adminUrl(ports.source()) + "tables/<table>/export (and the target's)."
                    : " ./ferry demo --keep leaves the stack running to compare the exports yourself."));
            return ExitCodes.FAILED;
        }
        out.println("The target equals the source.");
        return ExitCodes.OK;
    }

    static boolean printVerification(List<TargetVerifier.TableResult> results, PrintWriter out) {
        TextTable table = new TextTable(List.of("TABLE", "SOURCE ROWS", "TARGET ROWS", "RESULT"), List.of(1, 2));
        boolean matched = true;
        for (TargetVerifier.TableResult result : results) {
            ExportComparator.Comparison c = result.comparison();
            matched &= c.matches();
            table.row(result.logicalName(), Durations.count(c.sourceRows()), Durations.count(c.targetRows()),
                    c.first().map(d -> "differs from line " + Durations.count(d.line())).orElse("equal"));
        }
        table.print(out);
        for (TargetVerifier.TableResult result : results) {
            result.comparison().first().ifPresent(d -> {
                out.println(result.logicalName() + ", line " + Durations.count(d.line()) + ":");
                out.println("  source: " + (d.source() == null ? "(no more rows)" : d.source()));
                out.println("  target: " + (d.target() == null ? "(no more rows)" : d.target()));
            });
        }
        out.flush();
        return matched;
    }

    private static void printSummary(List<TargetVerifier.TableResult> tables,
                                     List<TargetVerifier.TableResult> associations, MigrationFollower.Outcome outcome,
                                     Duration demo, PrintWriter out) {
        long rows = tables.stream().mapToLong(r -> r.comparison().targetRows()).sum();
        long links = associations.stream().mapToLong(r -> r.comparison().targetRows()).sum();
        Duration migration = migrationTime(outcome);
        double seconds = Math.max(migration.toMillis(), 1) / 1000.0;
        out.println();
        out.println("Migrated " + Durations.count(rows) + " rows and " + Durations.count(links) + " associations in "
                + Durations.seconds(migration) + ": "
                + String.format(Locale.ROOT, "%,.0f", rows / seconds) + " rows/s (the whole demo, start and"
                + " verification included: " + Durations.seconds(demo) + ").");
        out.flush();
    }

    /** The run's time as the coordinator recorded it, else as the launcher saw it (to the nearest poll). */
    static Duration migrationTime(MigrationFollower.Outcome outcome) {
        CoordinatorClient.Run run = outcome.run();
        if (run != null && run.createdAt().isPresent() && run.finishedAt().isPresent()) {
            Duration recorded = Duration.between(run.createdAt().get(), run.finishedAt().get());
            if (!recorded.isNegative()) {
                return recorded;
            }
        }
        return outcome.elapsed();
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // shutting down: the hook stops the stack
        }
    }
}
