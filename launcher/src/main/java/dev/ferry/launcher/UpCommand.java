package dev.ferry.launcher;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ./ferry up}: starts the local stack in the background and prints where everything is. */
@Command(name = "up", header = "Starts the local stack (broker, emulators, services) in the background.",
        mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Starts the local stack in the background, each process waited for until it is ready:",
            "a Kafka broker (data in .ferry/kafka, kept across restarts), a 'source' emulator seeded with the crm"
                    + " sample, an empty 'target' emulator, then the extractor, loader and coordinator (512 MB of heap each).",
            "Logs go to .ferry/logs/, pid files to .ferry/run/. Stop it with ./ferry down."})
final class UpCommand implements Callable<Integer> {
    /** The {@code --seed} value that leaves the source empty. */
    static final String NO_SEED = "none";

    @ParentCommand
    FerryMain ferry;

    @Option(names = "--seed", paramLabel = "SPEC",
            description = "Rows the source emulator generates, e.g. account=1000,contact=3000, or '" + NO_SEED
                    + "' for an empty source (default: the demo's default size, ${DEFAULT-VALUE}).")
    String seed = DemoSize.parse("default").seedSpec();

    @Option(names = "--env", paramLabel = "NAME=URL", converter = EnvironmentOption.Converter.class,
            description = "Adds an environment (an OData v4 service root, auth none) to every service, for plans to"
                    + " name as source or target. NAME: letters and digits, used in lower case. Repeatable."
                    + " E.g. --env northwind=https://services.odata.org/V4/Northwind/Northwind.svc/")
    List<EnvironmentOption> environments = new ArrayList<>();

    @Mixin
    PortOptions ports;

    @Override
    public Integer call() {
        requireDistinctNames(environments);
        Ports chosen = ports.ports();
        LocalStack stack = new LocalStack(ferry.workspace());
        var out = ferry.spec.commandLine().getOut();
        stack.up(chosen, seedOption(seed), environments, out);
        out.println();
        StackUrls.print(out, chosen, environments, ferry.workspace());
        return ExitCodes.OK;
    }

    static Optional<String> seedOption(String seed) {
        return seed == null || seed.isBlank() || seed.trim().equalsIgnoreCase(NO_SEED) ? Optional.empty()
                : Optional.of(seed.trim());
    }

    static void requireDistinctNames(List<EnvironmentOption> environments) {
        Set<String> seen = new HashSet<>();
        for (EnvironmentOption environment : environments) {
            if (!seen.add(environment.name())) {
                throw LauncherException.usage("--env " + environment.name() + " is given twice: give each environment once.");
            }
        }
    }
}
