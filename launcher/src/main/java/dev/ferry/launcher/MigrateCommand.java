package dev.ferry.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code ./ferry migrate PLAN.json}: posts a plan and follows its run to the end. */
@Command(name = "migrate", header = "Posts a plan to the coordinator and follows its run to the end.",
        mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Posts a plan to the coordinator and shows each table's progress until the run ends.",
            "Exit status 0 only when the run succeeded; 1 when the plan was refused (every problem is listed) or"
                    + " the run failed or was cancelled (its errors are summarised); 2 for a missing or malformed"
                    + " plan file; 3 when no coordinator answers."})
final class MigrateCommand implements Callable<Integer> {
    @ParentCommand
    FerryMain ferry;

    @Parameters(index = "0", paramLabel = "PLAN.json", description = "The plan (JSON, see DESIGN.md \"Plan\").")
    Path plan;

    @Option(names = "--coordinator", paramLabel = "URL",
            description = "The coordinator (default: the one ./ferry up started, else http://127.0.0.1:8080).")
    String coordinator;

    /** For tests: how often the run is looked at. */
    @Option(names = "--poll-millis", hidden = true)
    long pollMillis = MigrationFollower.DEFAULT_POLL.toMillis();

    @Override
    public Integer call() {
        String json = PlanFile.read(plan);
        String url = coordinator != null ? coordinator : new LocalStack(ferry.workspace()).coordinatorUrl();
        MigrationFollower follower = new MigrationFollower(new CoordinatorClient(url), ferry.spec.commandLine().getOut(),
                TerminalSupport.stdoutIsTerminal(), Duration.ofMillis(pollMillis));
        return follower.migrate(json, plan.toString()).exitCode();
    }
}
