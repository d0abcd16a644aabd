package dev.ferry.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortCheckerTest {
    @Test
    void aPortSomethingListensOnIsInUseAndFreeAgainOnceClosed() throws Exception {
        int port;
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = listener.getLocalPort();
            assertThat(PortChecker.inUse(port)).isTrue();
        }
        assertThat(PortChecker.inUse(port)).isFalse();
    }

    @Test
    void aPortTakenOnEveryAddressIsInUse() throws Exception {
        try (ServerSocket listener = new ServerSocket(0)) {
            assertThat(PortChecker.inUse(listener.getLocalPort())).isTrue();
        }
    }

    @Test
    void namesEachTakenPortWhatNeedsItAndTheOptionThatChangesIt() throws Exception {
        Ports free = FreePorts.stack();
        try (ServerSocket kafka = new ServerSocket(free.kafka(), 50, InetAddress.getLoopbackAddress());
             ServerSocket coordinator = new ServerSocket(free.coordinator(), 50, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> PortChecker.requireFree(free))
                    .isInstanceOf(LauncherException.class)
                    .hasMessageContaining("Port " + free.kafka() + " (the Kafka broker) is already in use")
                    .hasMessageContaining("--kafka-port PORT")
                    .hasMessageContaining("port " + free.coordinator() + " (the coordinator) is already in use")
                    .hasMessageContaining("--coordinator-port PORT")
                    .hasMessageNotContaining("--loader-port");
        }
    }

    @Test
    void upRefusesATakenPortBeforeStartingAnything(@TempDir Path home) throws Exception {
        FakeRepository repository = FakeRepository.create(home);
        Ports ports = FreePorts.stack();
        try (ServerSocket taken = new ServerSocket(ports.source(), 50, InetAddress.getLoopbackAddress())) {
            CommandRun run = CommandRun.of(repository.workspace(), FerryMainTest.prepend("up", FreePorts.options(ports)));

            assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(run.err()).contains("Port " + ports.source() + " (the source emulator) is already in use")
                    .contains("--source-port");
            assertThat(run.out()).doesNotContain("Starting");
            assertThat(new RunDirectory(repository.workspace()).pidFiles()).isEmpty();
        }
    }
}
