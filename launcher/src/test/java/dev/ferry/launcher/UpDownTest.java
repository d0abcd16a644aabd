package dev.ferry.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real thing: {@code up} starts the packaged broker, emulators and services as background processes on
 * free ports, {@code down} stops them. Needs the packaged programs (the reactor builds them before this module).
 */
class UpDownTest {
    @TempDir
    Path state;
    private Workspace workspace;

    private Workspace workspace() {
        Path root = Path.of(System.getProperty("ferry.root", "..")).toAbsolutePath().normalize();
        workspace = new Workspace(root, state);
        List<Path> jars = List.of(workspace.brokerJar(), workspace.emulatorJar(), workspace.serviceJar("extractor"),
                workspace.serviceJar("loader"), workspace.serviceJar("coordinator"));
        assumeTrue(jars.stream().allMatch(Files::isRegularFile), "the packaged programs are not built: " + jars);
        return workspace;
    }

    @AfterEach
    void stopWhateverIsLeft() {
        if (workspace != null) {
            CommandRun.of(workspace, "down");
        }
    }

    @Test
    void upStartsEveryProcessInTheBackgroundAndDownStopsThem() throws Exception {
        Workspace workspace = workspace();
        Ports ports = FreePorts.stack();
        String[] up = FerryMainTest.prepend("up", FreePorts.options(ports));
        String[] args = new String[up.length + 2];
        System.arraycopy(up, 0, args, 0, up.length);
        args[up.length] = "--seed";
        args[up.length + 1] = "account=100,contact=200";

        CommandRun started = CommandRun.of(workspace, args);

        assertThat(started.exitCode()).as(started.err()).isZero();
        assertThat(started.out()).contains("Starting the Kafka broker (kafka) ... ready in")
                .contains("Starting the emulators (emulator-source, emulator-target) ... ready in")
                .contains("Starting the services (extractor, loader, coordinator) ... ready in")
                .containsPattern("Swagger UI +http://127.0.0.1:" + ports.coordinator() + "/q/swagger-ui")
                .containsPattern("Kafka broker +127.0.0.1:" + ports.kafka());
        RunDirectory runDirectory = new RunDirectory(workspace);
        assertThat(runDirectory.alive()).extracting(RunDirectory.PidFile::name).containsExactlyInAnyOrder(
                "kafka", "emulator-source", "emulator-target", "extractor", "loader", "coordinator");
        assertThat(runDirectory.stackPorts()).contains(ports);
        assertThat(get(StackDefinition.adminUrl(ports.source()) + "tables")).contains("\"account\":100");
        assertThat(get(StackDefinition.adminUrl(ports.target()) + "tables")).contains("\"account\":0");
        assertThat(get(StackDefinition.origin(ports.coordinator()) + "/q/health/ready")).contains("UP");
        List<ProcessHandle> processes = runDirectory.alive().stream().map(runDirectory::process).map(Optional::orElseThrow).toList();

        CommandRun second = CommandRun.of(workspace, args);
        assertThat(second.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(second.err()).contains("A Ferry stack is already running");

        CommandRun stopped = CommandRun.of(workspace, "down");

        assertThat(stopped.exitCode()).isZero();
        assertThat(stopped.out()).containsSubsequence("Stopping coordinator", "Stopping emulator-source", "Stopping kafka",
                "The stack is stopped.");
        assertThat(processes).noneMatch(ProcessHandle::isAlive);
        assertThat(runDirectory.pidFiles()).isEmpty();
        assertThat(PortChecker.inUse(ports.coordinator())).isFalse();
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.body();
    }
}
