package dev.ferry.launcher;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code ./ferry}: Ferry's main command. Starts the local stack (a Kafka broker, a {@code source} and a
 * {@code target} emulator, the extractor, loader and coordinator) as background processes, posts plans and
 * follows them, shows runs, stops the stack, and runs the demo. Exit statuses: {@link ExitCodes}.
 */
@Command(name = "./ferry", mixinStandardHelpOptions = true, versionProvider = FerryMain.Version.class,
        sortOptions = false,
        subcommands = {DemoCommand.class, UpCommand.class, MigrateCommand.class, StatusCommand.class, DownCommand.class},
        description = {
            "Moves data between Dataverse / OData v4 environments through Apache Kafka, on this machine.",
            "",
            "Try: ./ferry demo   (starts everything, migrates ~50,000 sample rows, verifies, stops)"},
        footer = {"",
            "Exit status: 0 success; 1 failure (a run failed, a verification or a start failed);"
                    + " 2 bad input; 3 no coordinator running.",
            "State, logs and pid files are in .ferry/ at the repository root."})
public final class FerryMain implements Callable<Integer> {
    private final Workspace workspace;

    @Spec
    CommandSpec spec;

    FerryMain(Workspace workspace) {
        this.workspace = workspace;
    }

    Workspace workspace() {
        return workspace;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(),
                "Missing command: give one of demo, up, migrate, status, down.");
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int status = execute(Workspace.fromSystem(), out, err, args);
        out.flush();
        err.flush();
        System.exit(status);
    }

    /** Runs {@code ./ferry args} against {@code workspace}; returns the exit status. */
    static int execute(Workspace workspace, PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new FerryMain(workspace));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            cmd.getOut().flush();
            if (exception instanceof LauncherException launcherException) {
                err.println(launcherException.getMessage());
                err.flush();
                return launcherException.exitCode();
            }
            err.println("./ferry failed unexpectedly: " + exception);
            exception.printStackTrace(err);
            err.println("This is a bug in the launcher: please report it with the output above.");
            err.flush();
            return ExitCodes.FAILED;
        });
        commandLine.setParameterExceptionHandler(FerryMain::usageError);
        return commandLine.execute(args);
    }

    /** Bad input: what is wrong, the usage of the command concerned, and how to get help. Exit status 2. */
    private static int usageError(ParameterException exception, String[] args) {
        CommandLine cmd = exception.getCommandLine();
        PrintWriter err = cmd.getErr();
        boolean topLevel = cmd.getParent() == null;
        if (topLevel && exception instanceof UnmatchedArgumentException unmatched
                && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-")) {
            err.println("Unknown command '" + unmatched.getUnmatched().get(0)
                    + "': give one of demo, up, migrate, status, down.");
        } else {
            err.println(exception.getMessage());
        }
        UnmatchedArgumentException.printSuggestions(exception, err);
        err.println();
        if (topLevel) {
            cmd.usage(err);
        } else {
            // A subcommand's options are many: its synopsis, and where the rest is.
            String heading = "Usage: ";
            err.print(heading + cmd.getHelp().synopsis(heading.length()));
            err.println("Run " + cmd.getCommandSpec().qualifiedName() + " --help for what each option means.");
        }
        err.flush();
        return ExitCodes.USAGE;
    }

    /** The version of the launcher's jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = FerryMain.class.getPackage().getImplementationVersion();
            return new String[] {"ferry " + (version == null ? "(development build)" : version)};
        }
    }
}
