package dev.ferry.testkit;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** The standalone broker jar running as a child process, its stdout collected line by line. */
final class BrokerProcess implements AutoCloseable {

    private final Process process;
    private final List<String> stdout = new CopyOnWriteArrayList<>();
    private final Path stderr;

    private BrokerProcess(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        Thread reader = new Thread(this::readStdout, "broker-process-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    static BrokerProcess start(Path jar, Path stderr, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar", jar.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile()))
                .start();
        return new BrokerProcess(process, stderr);
    }

    private void readStdout() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                stdout.add(line);
            }
        } catch (IOException e) {
            // close() kills the process and its stream with it; keep the reason next to the output.
            stdout.add("(stdout ended: " + e + ")");
        }
    }

    /** Waits for the ready line and returns it; fails early, with the broker's stderr, if the process dies. */
    String awaitReadyLine() {
        await().atMost(Duration.ofSeconds(60)).until(() -> line(KafkaBrokerMain.READY_LINE_PREFIX).isPresent()
                || !process.isAlive());
        return line(KafkaBrokerMain.READY_LINE_PREFIX).orElseThrow(() -> new AssertionError(
                "The broker exited with " + process.exitValue() + " before it was ready; stderr:\n" + stderrText()));
    }

    /** Sends SIGTERM and returns the exit status. */
    int terminate() throws InterruptedException {
        // Process.destroy() would also close our end of stdout, losing the lines printed while stopping.
        process.toHandle().destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("The broker did not stop within 60 s of SIGTERM; stderr:\n" + stderrText());
        }
        return process.exitValue();
    }

    /** Waits for a stdout line starting with {@code prefix}, and returns every line so far. */
    List<String> awaitStdoutLine(String prefix) {
        await().atMost(Duration.ofSeconds(10)).until(() -> line(prefix).isPresent());
        return List.copyOf(stdout);
    }

    private Optional<String> line(String prefix) {
        return stdout.stream().filter(l -> l.startsWith(prefix)).findFirst();
    }

    String stderrText() {
        try {
            return Files.readString(stderr);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
