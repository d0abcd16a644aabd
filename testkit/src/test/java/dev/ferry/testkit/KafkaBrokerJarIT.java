package dev.ferry.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged {@code ferry-kafka.jar} the way a developer or the {@code ferry} script does. */
class KafkaBrokerJarIT {

    private static final Pattern READY = Pattern.compile(
            "Kafka broker ready at (127\\.0\\.0\\.1:\\d+) \\(data dir .+, cluster id (\\S+), started in [\\d.]+ s\\)");
    /** A JVM that ran its shutdown hooks after SIGTERM exits with 128 + 15. */
    private static final int EXIT_AFTER_SIGTERM = 143;

    /** Kept when the test fails: it holds the brokers' stderr logs. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path work;

    @Test
    void theJarStartsStopsOnSigtermAndRestartsOnItsDataDirectory() throws Exception {
        Path jar = Path.of(System.getProperty("ferry.kafka.jar"));
        Path dataDir = work.resolve("kafka-data");
        String port = Integer.toString(freePort());
        TopicPartition partition = new TopicPartition("survives-restart", 0);

        String firstClusterId;
        try (BrokerProcess broker = BrokerProcess.start(jar, work.resolve("stderr-1.log"),
                "--port", port, "--data-dir", dataDir.toString())) {
            Matcher ready = matchReady(broker.awaitReadyLine());
            assertThat(ready.group(1)).isEqualTo("127.0.0.1:" + port);
            firstClusterId = ready.group(2);
            Clients.sendAll(ready.group(1), partition.topic(), List.of("kept"));
            assertThatThrownBy(() -> KafkaBroker.start(dataDir, 0))
                    .as("a second broker on the same data directory")
                    .hasMessageContaining("is in use by another process");

            assertThat(broker.terminate()).isEqualTo(EXIT_AFTER_SIGTERM);
            assertThat(broker.awaitStdoutLine("Kafka broker stopped")).hasSize(2);
            assertThat(broker.stderrText()).doesNotContain(" ERROR ");
        }

        try (BrokerProcess broker = BrokerProcess.start(jar, work.resolve("stderr-2.log"),
                "--port", port, "--data-dir", dataDir.toString())) {
            Matcher ready = matchReady(broker.awaitReadyLine());
            assertThat(ready.group(2)).as("cluster id after restart").isEqualTo(firstClusterId);
            try (KafkaConsumer<String, String> consumer = Clients.consumer(ready.group(1), null)) {
                consumer.assign(List.of(partition));
                assertThat(Clients.pollValues(consumer, 1)).containsExactly("kept");
            }

            assertThat(broker.terminate()).isEqualTo(EXIT_AFTER_SIGTERM);
            broker.awaitStdoutLine("Kafka broker stopped");
        }
    }

    private static Matcher matchReady(String line) {
        Matcher matcher = READY.matcher(line);
        assertThat(matcher.matches()).as("ready line '%s'", line).isTrue();
        return matcher;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
