package dev.ferry.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerRestartTest {

    private static final String TOPIC = "orders";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);
    private static final String GROUP = "order-loader";

    @TempDir
    Path dataDir;

    @Test
    void aBrokerRestartedOnTheSameDataDirectoryKeepsRecordsAndCommittedOffsets() throws Exception {
        String clusterId;
        int port;
        try (KafkaBroker broker = KafkaBroker.start(dataDir, 0)) {
            clusterId = broker.clusterId();
            port = broker.port();
            Clients.sendAll(broker.bootstrapServers(), TOPIC, List.of("order-1", "order-2", "order-3"));
            try (KafkaConsumer<String, String> consumer = Clients.consumer(broker.bootstrapServers(), GROUP)) {
                consumer.assign(List.of(PARTITION));
                assertThat(Clients.pollValues(consumer, 3)).containsExactly("order-1", "order-2", "order-3");
                // The group has processed the first two records only.
                consumer.commitSync(Map.of(PARTITION, new OffsetAndMetadata(2)));
            }
        }
        String metaBeforeRestart = Files.readString(dataDir.resolve("meta.properties"));

        try (KafkaBroker restarted = KafkaBroker.start(dataDir, port)) {
            assertThat(restarted.clusterId()).isEqualTo(clusterId);
            assertThat(Files.readString(dataDir.resolve("meta.properties"))).isEqualTo(metaBeforeRestart);

            try (Admin admin = Admin.create(Clients.adminConfig(restarted.bootstrapServers()))) {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
                assertThat(committed).containsEntry(PARTITION, new OffsetAndMetadata(2));
            }
            try (KafkaConsumer<String, String> resumed = Clients.consumer(restarted.bootstrapServers(), GROUP)) {
                resumed.subscribe(List.of(TOPIC));
                assertThat(Clients.pollValues(resumed, 1)).containsExactly("order-3");
            }
            try (KafkaConsumer<String, String> fromStart = Clients.consumer(restarted.bootstrapServers(), null)) {
                fromStart.assign(List.of(PARTITION));
                fromStart.seekToBeginning(List.of(PARTITION));
                assertThat(Clients.pollValues(fromStart, 3)).containsExactly("order-1", "order-2", "order-3");
            }
        }
    }

    @Test
    void aTemporaryBrokerDeletesItsDataDirectoryWhenClosedAndClosingTwiceIsHarmless() {
        KafkaBroker broker = KafkaBroker.startTemporary();
        Path temporaryDir = broker.dataDir();
        assertThat(temporaryDir.resolve("meta.properties")).exists();

        broker.close();
        broker.close();

        assertThat(temporaryDir).doesNotExist();
    }
}
