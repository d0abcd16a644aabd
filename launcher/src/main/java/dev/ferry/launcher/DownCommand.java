package dev.ferry.launcher;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code ./ferry down}: stops the local stack. */
@Command(name = "down", header = "Stops the local stack.",
        mixinStandardHelpOptions = true,
        description = {"Stops every process of .ferry/run/ with SIGTERM: the services first, then the emulators,"
                + " then the broker, waiting for each. The broker's data (.ferry/kafka) is kept; delete it to start"
                + " from nothing."})
final class DownCommand implements Callable<Integer> {
    @ParentCommand
    FerryMain ferry;

    @Override
    public Integer call() {
        var out = ferry.spec.commandLine().getOut();
        LocalStack stack = new LocalStack(ferry.workspace());
        if (stack.down(out)) {
            out.println("The stack is stopped.");
        } else {
            out.println("Nothing is running (no live process in " + ferry.workspace().display(ferry.workspace().run())
                    + "/): nothing to stop.");
        }
        out.flush();
        return ExitCodes.OK;
    }
}
