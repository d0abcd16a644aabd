package dev.ferry.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The pid files of the stack's processes ({@code .ferry/run/<name>.pid}, the pid alone, as other tools expect)
 * and the stack file ({@code .ferry/run/stack.properties}: the ports {@code up} used, so that the other commands
 * find the coordinator).
 */
final class RunDirectory {
    private static final String PID_SUFFIX = ".pid";
    private static final String STACK_FILE = "stack.properties";

    private final Workspace workspace;

    RunDirectory(Workspace workspace) {
        this.workspace = workspace;
    }

    /** A pid file and what it names. */
    record PidFile(String name, long pid, Path path) {
        Role role() {
            return Role.ofName(name);
        }
    }

    void write(String name, long pid) {
        try {
            Files.createDirectories(workspace.run());
            Files.writeString(pidPath(name), pid + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the pid file of " + name + " in " + workspace.run(), e);
        }
    }

    /** Every pid file, by name; one that does not hold a number is left out (and left alone). */
    List<PidFile> pidFiles() {
        if (!Files.isDirectory(workspace.run())) {
            return List.of();
        }
        List<PidFile> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(workspace.run())) {
            for (Path path : list.sorted(Comparator.naturalOrder()).toList()) {
                String file = path.getFileName().toString();
                if (file.endsWith(PID_SUFFIX)) {
                    readPid(path).ifPresent(pid -> files.add(
                            new PidFile(file.substring(0, file.length() - PID_SUFFIX.length()), pid, path)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the pid files in " + workspace.run(), e);
        }
        return files;
    }

    private static Optional<Long> readPid(Path path) {
        try {
            return Optional.of(Long.parseLong(Files.readString(path, StandardCharsets.US_ASCII).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    void delete(PidFile file) {
        try {
            Files.deleteIfExists(file.path());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file.path(), e);
        }
    }

    /**
     * The live process a pid file names, if it is still the program the stack started there: a pid the
     * system gave to another program since is not ours to stop.
     */
    Optional<ProcessHandle> process(PidFile file) {
        return ProcessHandle.of(file.pid()).filter(ProcessHandle::isAlive).filter(p -> runsJarOf(p, file.name()));
    }

    private boolean runsJarOf(ProcessHandle process, String name) {
        Optional<String> commandLine = process.info().commandLine();
        if (commandLine.isEmpty()) {
            // The system does not tell (another user's process, or no /proc): the pid file is all we have.
            return true;
        }
        Path jar = switch (Role.ofName(name)) {
            case BROKER -> workspace.brokerJar();
            case EMULATOR -> workspace.emulatorJar();
            case SERVICE -> workspace.serviceJar(name);
        };
        return commandLine.get().contains(jar.toString());
    }

    /** The pid files whose process still runs. */
    List<PidFile> alive() {
        return pidFiles().stream().filter(f -> process(f).isPresent()).toList();
    }

    void writeStack(Ports ports) {
        try {
            Files.createDirectories(workspace.run());
            try (Writer out = Files.newBufferedWriter(stackPath(), StandardCharsets.UTF_8)) {
                ports.toProperties().store(out, "The local stack ./ferry up started; ./ferry down deletes this file");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + stackPath(), e);
        }
    }

    /** The ports of the stack {@code up} started, if one runs (its file is there). */
    Optional<Ports> stackPorts() {
        if (!Files.isRegularFile(stackPath())) {
            return Optional.empty();
        }
        try (Reader in = Files.newBufferedReader(stackPath(), StandardCharsets.UTF_8)) {
            Properties properties = new Properties();
            properties.load(in);
            return Optional.of(Ports.fromProperties(properties));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    void deleteStack() {
        try {
            Files.deleteIfExists(stackPath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + stackPath(), e);
        }
    }

    /** The coordinator of the running stack, else the default one. */
    String defaultCoordinatorUrl() {
        return stackPorts().orElse(Ports.defaults()).coordinatorUrl();
    }

    private Path pidPath(String name) {
        return workspace.run().resolve(name + PID_SUFFIX);
    }

    private Path stackPath() {
        return workspace.run().resolve(STACK_FILE);
    }
}
