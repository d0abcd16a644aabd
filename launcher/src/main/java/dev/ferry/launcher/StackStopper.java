package dev.ferry.launcher;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops the processes of {@code .ferry/run/}: the services first (they flush to the broker), then the
 * emulators, then the broker, each group with SIGTERM, waiting for every process to end. A process that does
 * not end within {@link #GRACE} is killed, and said so.
 */
final class StackStopper {
    /** Longer than any of the programs takes to stop cleanly (the broker: well under a second). */
    static final Duration GRACE = Duration.ofSeconds(30);
    /** The JVM's exit status after SIGTERM: a clean stop. */
    private static final int SIGTERM_STATUS = 143;
    private static final List<Role> STOP_ORDER = List.of(Role.SERVICE, Role.EMULATOR, Role.BROKER);

    private final Workspace workspace;
    private final RunDirectory runDirectory;
    /** Processes this JVM started: their exit status is known, the others' is not. */
    private final Map<Long, Process> children = new ConcurrentHashMap<>();

    StackStopper(Workspace workspace, RunDirectory runDirectory) {
        this.workspace = workspace;
        this.runDirectory = runDirectory;
    }

    /** Lets the stopper report the exit status of a process this JVM started. */
    void adopt(Process process) {
        children.put(process.pid(), process);
    }

    /**
     * Stops every live process of the run directory and deletes the pid files and the stack file.
     *
     * @return whether anything was running
     */
    boolean stopAll(PrintWriter out) {
        List<RunDirectory.PidFile> files = runDirectory.pidFiles();
        boolean anything = false;
        for (Role role : STOP_ORDER) {
            List<RunDirectory.PidFile> group = files.stream().filter(f -> f.role() == role).toList();
            anything |= stopGroup(group, out);
        }
        files.forEach(runDirectory::delete);
        runDirectory.deleteStack();
        return anything;
    }

    private boolean stopGroup(List<RunDirectory.PidFile> group, PrintWriter out) {
        List<RunDirectory.PidFile> stopping = new ArrayList<>();
        List<ProcessHandle> handles = new ArrayList<>();
        for (RunDirectory.PidFile file : group) {
            Optional<ProcessHandle> handle = runDirectory.process(file);
            if (handle.isPresent()) {
                stopping.add(file);
                handles.add(handle.get());
            }
        }
        if (stopping.isEmpty()) {
            return false;
        }
        out.print("Stopping " + String.join(", ", stopping.stream().map(f -> f.name() + " (pid " + f.pid() + ")").toList())
                + " ... ");
        out.flush();
        long start = System.nanoTime();
        handles.forEach(ProcessHandle::destroy); // SIGTERM: each program stops cleanly on it
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < stopping.size(); i++) {
            awaitEnd(stopping.get(i), handles.get(i)).ifPresent(notes::add);
        }
        out.println("stopped in " + Durations.seconds(Duration.ofNanos(System.nanoTime() - start)));
        notes.forEach(note -> out.println("  " + note));
        out.flush();
        return true;
    }

    /** Waits for one process to end; returns a note when it ended badly. */
    private Optional<String> awaitEnd(RunDirectory.PidFile file, ProcessHandle handle) {
        try {
            handle.onExit().get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            handle.destroyForcibly();
            return Optional.of(file.name() + " did not stop within " + GRACE.toSeconds() + " s of SIGTERM and was killed;"
                    + " see " + workspace.display(workspace.log(file.name())));
        } catch (ExecutionException e) {
            return Optional.of("could not wait for " + file.name() + ": " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LauncherException.failed("Interrupted while stopping " + file.name() + ": run ./ferry down again.");
        }
        Process child = children.get(file.pid());
        if (child != null) {
            try {
                int status = child.waitFor();
                if (status != 0 && status != SIGTERM_STATUS) {
                    return Optional.of(file.name() + " exited with status " + status + "; see "
                            + workspace.display(workspace.log(file.name())));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return Optional.empty();
    }
}
