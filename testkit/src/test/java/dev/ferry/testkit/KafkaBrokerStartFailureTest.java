package dev.ferry.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerStartFailureTest {

    @TempDir
    Path dir;

    @Test
    void aPortInUseIsReportedByNumber() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> KafkaBroker.start(dir.resolve("data"), port))
                    .isInstanceOf(KafkaBrokerException.class)
                    .hasMessage("Port " + port + " on 127.0.0.1 (Kafka broker listener) is already in use:"
                            + " stop whatever listens there or choose another port");
        }
    }

    @Test
    void aDataDirectoryThatIsAFileIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");

        assertThatThrownBy(() -> KafkaBroker.start(file, 0))
                .isInstanceOf(KafkaBrokerException.class)
                .hasMessage("The Kafka data directory " + file + " is a file, not a directory");
    }

    @Test
    void aDataDirectoryWithoutClusterIdIsRefusedInsteadOfReformatted() throws IOException {
        Files.writeString(dir.resolve("meta.properties"), "node.id=1\n");

        assertThatThrownBy(() -> KafkaBroker.start(dir, 0))
                .isInstanceOf(KafkaBrokerException.class)
                .hasMessageContaining("has no cluster.id");
    }

    @Test
    void aDataDirectoryInUseByAnotherBrokerIsRefusedWithoutHarmingThatBroker() {
        try (KafkaBroker first = KafkaBroker.start(dir, 0)) {

            assertThatThrownBy(() -> KafkaBroker.start(dir, 0))
                    .isInstanceOf(KafkaBrokerException.class)
                    .hasMessage("The Kafka data directory " + dir + " is in use by another broker in this JVM:"
                            + " stop that broker or choose another data directory");

            Clients.sendAll(first.bootstrapServers(), "still-served", List.of("ok"));
        }
    }

    @Test
    void theSamePortForBrokerAndControllerIsRefused() {
        assertThatThrownBy(() -> KafkaBroker.start(dir, 19092, 19092))
                .isInstanceOf(KafkaBrokerException.class)
                .hasMessage("The broker and the controller need two different ports, both were 19092");
    }
}
