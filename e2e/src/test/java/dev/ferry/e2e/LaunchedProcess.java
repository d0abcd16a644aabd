package dev.ferry.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A packaged Ferry program started as its own JVM, with its output captured to a log file. */
final class LaunchedProcess implements AutoCloseable {
    /** Heap of each launched JVM: what `./ferry` gives the services. */
    static final String HEAP = "-Xmx512m";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path log;

    private LaunchedProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Runs {@code java -jar jar args...}; output goes to {@code logDir/<name>.log}. */
    static LaunchedProcess javaJar(Path jar, Path logDir, String name, String... args) throws IOException {
        return javaJar(jar, logDir, name, Map.of(), args);
    }

    /** Runs {@code java -jar jar args...} with extra environment variables; output goes to {@code logDir/<name>.log}. */
    static LaunchedProcess javaJar(Path jar, Path logDir, String name, Map<String, String> environment,
                                   String... args) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: package the project first (./mvnw -B verify)");
        }
        List<String> command = new ArrayList<>(List.of(javaBinary(), HEAP, "-jar", jar.toString()));
        command.addAll(List.of(args));
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process p = builder.start();
        return new LaunchedProcess(p, log);
    }

    /** Waits until the output has a line matching {@code regex}; returns its first group, or the whole match. */
    String awaitLine(String regex) {
        Pattern pattern = Pattern.compile(regex);
        String[] found = new String[1];
        await("'" + regex + "' in " + log).atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("process exited with " + process.exitValue() + " before printing '"
                        + regex + "'; its output:\n" + output());
            }
            Optional<String> m = output().lines().map(pattern::matcher).filter(Matcher::find)
                    .map(x -> x.groupCount() > 0 ? x.group(1) : x.group()).findFirst();
            m.ifPresent(v -> found[0] = v);
            return m.isPresent();
        });
        return found[0];
    }

    String output() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    /** Sends SIGTERM and waits for the process to end; returns its exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("process did not stop within 30 s of SIGTERM; see " + log);
        }
        return process.exitValue();
    }

    /** The file the process's output goes to. */
    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The repository root, where the modules' target folders are. */
    static Path root() {
        return Path.of(System.getProperty("ferry.root", "..")).toAbsolutePath().normalize();
    }
}
