package dev.ferry.launcher;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Starts the local stack, group by group (broker, emulators, services), each process in the background and
 * waited for until it is ready. Refuses when a stack already runs or a port is taken. A stack that fails to
 * start, or whose start is interrupted (Ctrl-C), is stopped again: it never leaves half a stack behind.
 */
final class StackStarter {
    /** The broker is ready in ~2 s; emulators in ~1 s plus seeding (about 5 s per million rows). */
    static final Duration BROKER_AND_EMULATOR_TIMEOUT = Duration.ofSeconds(90);
    /** Three Quarkus services starting at once on two cores, each connecting to the broker. */
    static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(120);

    private final Workspace workspace;
    private final RunDirectory runDirectory;
    private final StackStopper stopper;
    private final ReadinessWaiter waiter;

    StackStarter(Workspace workspace, RunDirectory runDirectory, StackStopper stopper) {
        this.workspace = workspace;
        this.runDirectory = runDirectory;
        this.stopper = stopper;
        this.waiter = new ReadinessWaiter(workspace);
    }

    /** Starts {@code components} (see {@link StackDefinition}) listening on {@code ports}. */
    void start(List<StackComponent> components, Ports ports, PrintWriter out) {
        ports.requireValid();
        workspace.requireBuilt(components.stream().map(StackComponent::jar).distinct().toList());
        requireNoStack();
        PortChecker.requireFree(ports);
        // Pid files of processes that are gone (a reboot, a kill): nothing to stop, just clutter.
        runDirectory.pidFiles().forEach(runDirectory::delete);

        Thread undo = new Thread(() -> {
            out.println();
            out.println("Interrupted: stopping what had started.");
            stopper.stopAll(out);
        }, "ferry-undo-start");
        Runtime.getRuntime().addShutdownHook(undo);
        boolean started = false;
        try {
            startGroup(components, Role.BROKER, "the Kafka broker", BROKER_AND_EMULATOR_TIMEOUT, out);
            startGroup(components, Role.EMULATOR, "the emulators", BROKER_AND_EMULATOR_TIMEOUT, out);
            startGroup(components, Role.SERVICE, "the services", SERVICE_TIMEOUT, out);
            runDirectory.writeStack(ports);
            started = true;
        } finally {
            if (!started) {
                out.println("The stack did not start; stopping what had started.");
                out.flush();
                stopper.stopAll(out);
            }
            removeHook(undo);
        }
    }

    private void startGroup(List<StackComponent> components, Role role, String what, Duration timeout, PrintWriter out) {
        List<StackComponent> group = components.stream().filter(c -> c.role() == role).toList();
        if (group.isEmpty()) {
            return;
        }
        out.print("Starting " + what + " (" + group.stream().map(StackComponent::name).collect(Collectors.joining(", "))
                + ") ... ");
        out.flush();
        long start = System.nanoTime();
        List<DetachedProcess> processes = new ArrayList<>();
        for (StackComponent component : group) {
            DetachedProcess process = DetachedProcess.start(component, workspace, runDirectory);
            stopper.adopt(process.process());
            processes.add(process);
        }
        try {
            waiter.awaitAll(processes, timeout);
        } catch (LauncherException e) {
            out.println("failed");
            throw e;
        }
        out.println("ready in " + Durations.seconds(Duration.ofNanos(System.nanoTime() - start)));
        out.flush();
    }

    /** Fails when processes of a stack still run. */
    private void requireNoStack() {
        List<RunDirectory.PidFile> alive = runDirectory.alive();
        if (!alive.isEmpty()) {
            throw LauncherException.failed("A Ferry stack is already running ("
                    + alive.stream().map(f -> f.name() + " pid " + f.pid()).collect(Collectors.joining(", "))
                    + "): use it, or stop it with ./ferry down first.");
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook runs (or ran) and stops the stack.
        }
    }
}
