package dev.ferry.launcher;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A process of the stack started in the background, outliving the launcher: output to its log, input from
 * {@code /dev/null}, in a session of its own ({@code setsid}) so that a Ctrl-C in the terminal that ran
 * {@code ./ferry} or the terminal closing does not reach it. Stopped by {@code ./ferry down}.
 */
final class DetachedProcess {
    private static final Optional<Path> SETSID = findOnPath("setsid");

    private final StackComponent component;
    private final Process process;
    private final Path log;

    private DetachedProcess(StackComponent component, Process process, Path log) {
        this.component = component;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code component}, truncating its log, and records its pid. */
    static DetachedProcess start(StackComponent component, Workspace workspace, RunDirectory runDirectory) {
        Path log = workspace.log(component.name());
        List<String> command = new ArrayList<>();
        // setsid runs the program in the same process (it only forks when it leads a process group, which a
        // child of the JVM does not), so the pid recorded is the JVM's own.
        SETSID.ifPresent(setsid -> command.add(setsid.toString()));
        command.addAll(component.command(javaLauncher()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workspace.home().toFile())
                .redirectErrorStream(true)
                .redirectOutput(Redirect.to(log.toFile()))
                .redirectInput(Redirect.from(new File("/dev/null")));
        builder.environment().putAll(component.environment());
        try {
            Files.createDirectories(log.getParent());
            Process process = builder.start();
            runDirectory.write(component.name(), process.pid());
            return new DetachedProcess(component, process, log);
        } catch (IOException e) {
            throw LauncherException.failed("Cannot start " + component.name() + " (" + String.join(" ", command)
                    + "): " + e.getMessage() + ". Check that Java 17 is installed and " + component.jar() + " exists.", e);
        } catch (UncheckedIOException e) {
            throw LauncherException.failed("Cannot start " + component.name() + ": " + e.getMessage()
                    + ". Check that " + workspace.state() + " is writable.", e);
        }
    }

    StackComponent component() {
        return component;
    }

    Process process() {
        return process;
    }

    Path log() {
        return log;
    }

    /** The Java launcher of this JVM, so that every process runs on the same Java. */
    static String javaLauncher() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Optional<Path> findOnPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
