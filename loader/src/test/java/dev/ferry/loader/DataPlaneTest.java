package dev.ferry.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ferry.common.contract.TableCancelled;
import dev.ferry.common.contract.TableReleased;
import dev.ferry.common.contract.Topics;
import dev.ferry.testkit.KafkaBrokerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The data plane against a real broker, with a fake writer. */
@ExtendWith(KafkaBrokerExtension.class)
class DataPlaneTest {

    private static final Duration HELD_FOR = Duration.ofSeconds(2);

    private final String run = "dp-" + UUID.randomUUID().toString().substring(0, 8);
    private final String group = "ferry-loader-" + run;
    private final ReleaseGate gate = new ReleaseGate();
    private final List<PendingRecord> processed = Collections.synchronizedList(new ArrayList<>());
    private volatile UpsertBatcher.BatchProcessor behaviour = (table, records) -> BatchResult.allDone(records);
    private TestKafka kafka;
    private DataPlane plane;

    @BeforeEach
    void connect() {
        kafka = new TestKafka(KafkaBrokerExtension.bootstrapServers());
    }

    @AfterEach
    void stop() {
        if (plane != null) {
            plane.close();
        }
        kafka.close();
    }

    @Test
    void holdsAnUnreleasedTableAndLoadsItOnceReleasedCommittingToTheEnd() {
        String accounts = Topics.data(run, "accounts");
        kafka.createTopic(accounts, 2);
        kafka.sendAll(accounts, records("a", 40));
        plane = start(settings(5000, 5000));

        // Topics of earlier tests match the pattern too: count this test's partitions only.
        await().atMost(Duration.ofSeconds(15)).until(() -> plane.ownedPartitions().stream()
                .filter(partition -> partition.topic().equals(accounts)).count() == 2);
        await().during(HELD_FOR).atMost(HELD_FOR.plusSeconds(1)).until(processed::isEmpty);

        release("accounts");

        await().atMost(Duration.ofSeconds(10)).until(() -> processed.size() == 40);
        await().atMost(Duration.ofSeconds(10)).until(() -> kafka.committed(group, accounts).equals(kafka.endOffsets(accounts)));
    }

    @Test
    void loadsAReleasedTableWhileAnotherStaysHeld() {
        String accounts = Topics.data(run, "accounts");
        String contacts = Topics.data(run, "contacts");
        kafka.createTopic(accounts, 1);
        kafka.createTopic(contacts, 1);
        kafka.sendAll(accounts, records("a", 10));
        kafka.sendAll(contacts, records("c", 10));
        release("accounts");
        plane = start(settings(5000, 5000));

        await().atMost(Duration.ofSeconds(15)).until(() -> processed.size() == 10);
        await().during(HELD_FOR).atMost(HELD_FOR.plusSeconds(1)).until(() -> processed.size() == 10);
        assertThat(processed).allSatisfy(record -> assertThat(record.partition().topic()).isEqualTo(accounts));
        assertThat(kafka.committed(group, contacts).values()).containsOnly(0L);
    }

    @Test
    void seesANewRunsTopicWithinSeconds() {
        plane = start(settings(5000, 5000));
        await().atMost(Duration.ofSeconds(10)).until(() -> plane.isAlive());
        String leads = Topics.data(run, "leads");
        release("leads");

        kafka.createTopic(leads, 1);
        kafka.sendAll(leads, records("l", 5));

        await().atMost(Duration.ofSeconds(15)).until(() -> processed.size() == 5);
    }

    @Test
    void pausesACongestedPartitionUntilItsRecordsAreWritten() {
        String accounts = Topics.data(run, "accounts");
        kafka.createTopic(accounts, 1);
        kafka.sendAll(accounts, records("a", 300));
        CountDownLatch open = new CountDownLatch(1);
        behaviour = (table, records) -> {
            waitFor(open);
            return BatchResult.allDone(records);
        };
        release("accounts");
        plane = start(settings(20, 5000));

        await().atMost(Duration.ofSeconds(15)).until(() -> plane.inFlight() >= 20);
        // At most the limit plus one poll's worth (max.poll.records = 10 here) enter before the pause holds.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> plane.inFlight() <= 30);
        open.countDown();

        await().atMost(Duration.ofSeconds(15)).until(() -> processed.size() == 300);
        await().atMost(Duration.ofSeconds(10)).until(() -> kafka.committed(group, accounts).equals(kafka.endOffsets(accounts)));
    }

    @Test
    void keepsRetryingAFailingBatchWithoutCommittingPastIt() {
        String accounts = Topics.data(run, "accounts");
        kafka.createTopic(accounts, 1);
        kafka.sendAll(accounts, records("a", 10));
        List<Integer> attempts = Collections.synchronizedList(new ArrayList<>());
        behaviour = (table, records) -> {
            attempts.add(records.size());
            return attempts.size() < 3 ? BatchResult.retryAll(records, null, "503") : BatchResult.allDone(records);
        };
        release("accounts");
        plane = start(settings(5000, 5000));

        await().atMost(Duration.ofSeconds(15)).until(() -> attempts.size() >= 1);
        assertThat(kafka.committed(group, accounts).values()).containsOnly(0L);
        await().atMost(Duration.ofSeconds(15)).until(() -> kafka.committed(group, accounts).equals(kafka.endOffsets(accounts)));
        assertThat(attempts).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void aCancelledTableIsPausedAndItsWaitingRecordsAreNotWrittenNorCommitted() {
        String accounts = Topics.data(run, "accounts");
        kafka.createTopic(accounts, 1);
        kafka.sendAll(accounts, records("a", 10));
        behaviour = (table, records) -> BatchResult.retryAll(records, null, "target down");
        release("accounts");
        plane = start(settings(5000, 5000));
        await().atMost(Duration.ofSeconds(15)).until(() -> plane.inFlight() == 10);

        cancel("accounts");
        await().atMost(Duration.ofSeconds(5)).until(() -> plane.inFlight() == 0);
        // From now on the target would take them: none may be written while the table is cancelled.
        behaviour = (table, records) -> BatchResult.allDone(records);

        await().during(HELD_FOR).atMost(HELD_FOR.plusSeconds(1)).until(processed::isEmpty);
        assertThat(kafka.committed(group, accounts).values()).containsOnly(0L);

        // Released again (the latest control message holds): the dropped records are read again.
        release("accounts");
        await().atMost(Duration.ofSeconds(10)).until(() -> processed.size() == 10);
        await().atMost(Duration.ofSeconds(10)).until(() -> kafka.committed(group, accounts).equals(kafka.endOffsets(accounts)));
    }

    @Test
    void aSecondLoaderTakesOverPartitionsInFlightAndNoRecordIsLost() {
        String accounts = Topics.data(run, "accounts");
        kafka.createTopic(accounts, 4);
        kafka.sendAll(accounts, records("a", 200));
        CountDownLatch open = new CountDownLatch(1);
        behaviour = (table, records) -> {
            waitFor(open);
            return BatchResult.allDone(records);
        };
        release("accounts");
        plane = start(settings(5000, 5000));
        await().atMost(Duration.ofSeconds(15)).until(() -> plane.inFlight() > 0);

        DataPlane second = start(settings(5000, 5000));
        try {
            await().atMost(Duration.ofSeconds(15)).until(() -> second.ownedPartitions().stream()
                    .anyMatch(partition -> partition.topic().equals(accounts)));
            open.countDown();

            await().atMost(Duration.ofSeconds(20)).until(() -> kafka.committed(group, accounts).equals(kafka.endOffsets(accounts)));
            assertThat(processed).extracting(PendingRecord::key).containsAll(records("a", 200).keySet());
        } finally {
            second.close();
        }
    }

    private DataPlane start(DataPlane.Settings settings) {
        Map<String, Object> base = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerExtension.bootstrapServers());
        Map<String, Object> config = DataPlane.consumerConfig(base, group, Duration.ofMillis(500), 10);
        DataPlane started = new DataPlane(() -> new KafkaConsumer<>(config), settings, gate, (table, records) -> {
            BatchResult result = behaviour.process(table, records);
            processed.addAll(result.done());
            return result;
        });
        started.start();
        return started;
    }

    private static DataPlane.Settings settings(int maxInFlightPerPartition, int maxInFlight) {
        return new DataPlane.Settings(Duration.ofMillis(50), Duration.ofMillis(100), maxInFlight, maxInFlightPerPartition, 4,
                Duration.ofMillis(20), new UpsertBatcher.Backoff(Duration.ofMillis(100), Duration.ofMillis(200)),
                Duration.ofSeconds(5));
    }

    private void release(String table) {
        TableReleased released = new TableReleased(run, table, "target", table, 50, 2);
        if (gate.record(released) == ReleaseGate.Change.RELEASED && plane != null) {
            plane.tableReleased(Topics.data(run, table));
        }
    }

    private void cancel(String table) {
        if (gate.record(new TableCancelled(run, table, "test")) == ReleaseGate.Change.CANCELLED) {
            plane.tableCancelled(Topics.data(run, table));
        }
    }

    private static Map<String, String> records(String prefix, int count) {
        Map<String, String> records = new LinkedHashMap<>();
        IntStream.range(0, count).forEach(i -> records.put(prefix + "-" + i, "{\"id\":\"" + prefix + "-" + i + "\"}"));
        return records;
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
