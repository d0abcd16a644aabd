package dev.ferry.launcher;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/** The local stack of one repository: starting it, stopping it, and finding its coordinator. */
final class LocalStack {
    private final Workspace workspace;
    private final RunDirectory runDirectory;
    private final StackStopper stopper;

    LocalStack(Workspace workspace) {
        this.workspace = workspace;
        this.runDirectory = new RunDirectory(workspace);
        this.stopper = new StackStopper(workspace, runDirectory);
    }

    Workspace workspace() {
        return workspace;
    }

    /**
     * Starts the broker, the emulators and the services, and waits until all are ready.
     *
     * @param seed the source emulator's {@code --seed}, or empty for an empty source
     */
    void up(Ports ports, Optional<String> seed, List<EnvironmentOption> environments, PrintWriter out) {
        List<StackComponent> components = StackDefinition.components(workspace, ports, seed, environments);
        new StackStarter(workspace, runDirectory, stopper).start(components, ports, out);
    }

    /** Stops whatever of a stack runs; returns whether anything did. */
    boolean down(PrintWriter out) {
        return stopper.stopAll(out);
    }

    /** The coordinator of the running stack, else the default one. */
    String coordinatorUrl() {
        return runDirectory.defaultCoordinatorUrl();
    }
}
