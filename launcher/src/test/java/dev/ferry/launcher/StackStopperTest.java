package dev.ferry.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping the processes of pid files, with stand-ins ({@code tail -f}) whose command line names the right jar. */
class StackStopperTest {
    @TempDir
    Path home;
    private Workspace workspace;
    private RunDirectory runDirectory;
    private final List<Process> started = new ArrayList<>();

    @BeforeEach
    void createRepository() {
        workspace = FakeRepository.create(home).workspace();
        runDirectory = new RunDirectory(workspace);
    }

    @AfterEach
    void killLeftovers() {
        started.forEach(Process::destroyForcibly);
    }

    /** A process that runs until SIGTERM and whose command line holds {@code jar}, as the stack's programs do. */
    private Process standIn(String name, Path jar) throws Exception {
        Process process = new ProcessBuilder("tail", "-f", jar.toString()).start();
        started.add(process);
        runDirectory.write(name, process.pid());
        return process;
    }

    private String stopAll() {
        StringWriter out = new StringWriter();
        new StackStopper(workspace, runDirectory).stopAll(new PrintWriter(out, true));
        return out.toString();
    }

    @Test
    void stopsTheServicesThenTheEmulatorsThenTheBrokerAndDeletesThePidFiles() throws Exception {
        Process broker = standIn("kafka", workspace.brokerJar());
        Process source = standIn("emulator-source", workspace.emulatorJar());
        Process coordinator = standIn("coordinator", workspace.serviceJar("coordinator"));
        runDirectory.writeStack(Ports.defaults());

        String out = stopAll();

        assertThat(broker.isAlive()).isFalse();
        assertThat(source.isAlive()).isFalse();
        assertThat(coordinator.isAlive()).isFalse();
        assertThat(out).containsSubsequence("Stopping coordinator (pid " + coordinator.pid() + ")",
                "Stopping emulator-source", "Stopping kafka");
        assertThat(runDirectory.pidFiles()).isEmpty();
        assertThat(runDirectory.stackPorts()).isEmpty();
    }

    @Test
    void leavesAloneAProcessThatGotThePidOfAStoppedOne() throws Exception {
        Process stranger = new ProcessBuilder("tail", "-f", "/dev/null").start();
        started.add(stranger);
        runDirectory.write("kafka", stranger.pid());

        assertThat(runDirectory.alive()).isEmpty();
        String out = stopAll();

        assertThat(stranger.isAlive()).isTrue();
        assertThat(out).isEmpty();
        assertThat(runDirectory.pidFiles()).isEmpty();
    }

    @Test
    void forgetsThePidFileOfAProcessThatIsGone() throws Exception {
        Process gone = standIn("loader", workspace.serviceJar("loader"));
        gone.destroy();
        gone.waitFor();

        assertThat(runDirectory.alive()).isEmpty();
        assertThat(stopAll()).isEmpty();
        assertThat(runDirectory.pidFiles()).isEmpty();
    }

    @Test
    void upRefusesASecondStackWhileOneRuns() throws Exception {
        standIn("kafka", workspace.brokerJar());

        CommandRun run = CommandRun.of(workspace, FerryMainTest.prepend("up", FreePorts.options(FreePorts.stack())));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).contains("A Ferry stack is already running (kafka pid").contains("./ferry down");
    }

    @Test
    void downStopsTheStackAndSaysSo() throws Exception {
        Process loader = standIn("loader", workspace.serviceJar("loader"));

        CommandRun run = CommandRun.of(workspace, "down");

        assertThat(run.exitCode()).isZero();
        assertThat(loader.isAlive()).isFalse();
        assertThat(run.out()).contains("Stopping loader").contains("The stack is stopped.");
    }
}
