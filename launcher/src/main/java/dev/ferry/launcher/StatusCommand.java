package dev.ferry.launcher;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code ./ferry status [RUN]}: the runs the coordinator knows, or one run's tables. */
@Command(name = "status", header = "Shows the runs, or one run's tables.",
        mixinStandardHelpOptions = true,
        description = "Lists the runs the coordinator knows (newest as it orders them), or shows one run's tables.")
final class StatusCommand implements Callable<Integer> {
    @ParentCommand
    FerryMain ferry;

    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN", description = "A run id, as ./ferry migrate printed it.")
    String run;

    @Option(names = "--coordinator", paramLabel = "URL",
            description = "The coordinator (default: the one ./ferry up started, else http://127.0.0.1:8080).")
    String coordinator;

    @Override
    public Integer call() {
        String url = coordinator != null ? coordinator : new LocalStack(ferry.workspace()).coordinatorUrl();
        CoordinatorClient client = new CoordinatorClient(url);
        var out = ferry.spec.commandLine().getOut();
        if (run == null) {
            StatusReport.history(client.runs(), client.baseUrl(), out);
        } else {
            StatusReport.run(client.run(run), out);
        }
        return ExitCodes.OK;
    }
}
