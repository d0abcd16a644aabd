package dev.ferry.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ferry.common.contract.TableReleased;
import dev.ferry.common.contract.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UpsertBatcherTest {

    private static final Duration LINGER = Duration.ofMillis(50);
    private static final UpsertBatcher.Backoff BACKOFF = new UpsertBatcher.Backoff(Duration.ofMillis(100), Duration.ofMillis(400));

    private final List<List<PendingRecord>> batches = Collections.synchronizedList(new ArrayList<>());
    private final List<PendingRecord> acknowledged = Collections.synchronizedList(new ArrayList<>());
    private final Set<TopicPartition> revoked = ConcurrentHashMap.newKeySet();
    private UpsertBatcher batcher;

    @AfterEach
    void close() {
        if (batcher != null) {
            batcher.close(Duration.ofSeconds(5));
        }
    }

    @Test
    void writesFullBatchesOfTheTablesBatchSize() {
        batcher = batcher(recordAll(), 4);

        batcher.add(topic("accounts"), release("accounts", 10, 1), records("accounts", 0, 30));

        await().atMost(Duration.ofSeconds(5)).until(() -> acknowledged.size() == 30);
        assertThat(batches).extracting(List::size).containsExactly(10, 10, 10);
        assertThat(acknowledged).extracting(PendingRecord::offset).containsExactlyInAnyOrderElementsOf(range(0, 30));
    }

    @Test
    void writesAPartialBatchOnceItsOldestRecordHasLingered() {
        batcher = batcher(recordAll(), 4);
        long start = System.nanoTime();

        batcher.add(topic("accounts"), release("accounts", 100, 1), records("accounts", 0, 3));

        await().atMost(Duration.ofSeconds(5)).until(() -> acknowledged.size() == 3);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(LINGER);
        assertThat(batches).hasSize(1);
    }

    @Test
    void keepsAtMostTheTablesMaxConcurrencyInFlight() {
        Concurrency concurrency = new Concurrency();
        batcher = batcher(concurrency, 16);

        batcher.add(topic("accounts"), release("accounts", 5, 3), records("accounts", 0, 100));

        await().atMost(Duration.ofSeconds(5)).until(() -> concurrency.now.get() == 3);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> concurrency.now.get() == 3);
        concurrency.open.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> acknowledged.size() == 100);
        assertThat(concurrency.highest.get()).isEqualTo(3);
    }

    @Test
    void keepsAtMostTheGlobalMaxConcurrencyInFlightOverAllTables() {
        Concurrency concurrency = new Concurrency();
        batcher = batcher(concurrency, 2);

        batcher.add(topic("accounts"), release("accounts", 5, 8), records("accounts", 0, 40));
        batcher.add(topic("contacts"), release("contacts", 5, 8), records("contacts", 0, 40));

        await().atMost(Duration.ofSeconds(5)).until(() -> concurrency.now.get() == 2);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> concurrency.now.get() == 2);
        concurrency.open.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> acknowledged.size() == 80);
        assertThat(concurrency.highest.get()).isEqualTo(2);
    }

    @Test
    void tablesTakeTurnsForTheGlobalLimit() {
        CountDownLatch open = new CountDownLatch(1);
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        batcher = batcher((table, records) -> {
            order.add(table.table());
            waitFor(open);
            return BatchResult.allDone(records);
        }, 1);

        batcher.add(topic("accounts"), release("accounts", 5, 4), records("accounts", 0, 20));
        await().atMost(Duration.ofSeconds(5)).until(() -> order.size() == 1);
        batcher.add(topic("contacts"), release("contacts", 5, 4), records("contacts", 0, 20));
        open.countDown();

        await().atMost(Duration.ofSeconds(5)).until(() -> acknowledged.size() == 40);
        assertThat(order).containsExactly("accounts", "contacts", "accounts", "contacts", "accounts", "contacts",
                "accounts", "contacts");
    }

    @Test
    void retriesAFailedBatchAfterABackoffAndNeverSkipsIt() {
        AtomicInteger failuresLeft = new AtomicInteger(2);
        List<Long> attemptTimes = Collections.synchronizedList(new ArrayList<>());
        batcher = batcher((table, records) -> {
            batches.add(records);
            attemptTimes.add(System.nanoTime());
            if (failuresLeft.getAndDecrement() > 0) {
                return BatchResult.retryAll(records, null, "503 Service Unavailable");
            }
            return BatchResult.allDone(records);
        }, 4);

        batcher.add(topic("accounts"), release("accounts", 10, 4), records("accounts", 0, 10));

        await().atMost(Duration.ofSeconds(5)).until(() -> acknowledged.size() == 10);
        assertThat(batches).hasSize(3).allSatisfy(batch -> assertThat(batch).hasSize(10));
        assertThat(Duration.ofNanos(attemptTimes.get(1) - attemptTimes.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(Duration.ofNanos(attemptTimes.get(2) - attemptTimes.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void honoursTheTargetsRetryAfter() {
        AtomicInteger failuresLeft = new AtomicInteger(1);
        List<Long> attemptTimes = Collections.synchronizedList(new ArrayList<>());
        batcher = batcher((table, records) -> {
            attemptTimes.add(System.nanoTime());
            return failuresLeft.getAndDecrement() > 0
                    ? BatchResult.retryAll(records, Duration.ofMillis(700), "429 Too Many Requests")
                    : BatchResult.allDone(records);
        }, 4);

        batcher.add(topic("accounts"), release("accounts", 10, 4), records("accounts", 0, 5));

        await().atMost(Duration.ofSeconds(5)).until(() -> acknowledged.size() == 5);
        assertThat(Duration.ofNanos(attemptTimes.get(1) - attemptTimes.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(700));
    }

    @Test
    void aBackingOffTableDoesNotHoldBackAnother() {
        batcher = batcher((table, records) -> {
            batches.add(records);
            return table.table().equals("accounts")
                    ? BatchResult.retryAll(records, Duration.ofHours(1), "target down")
                    : BatchResult.allDone(records);
        }, 1);

        batcher.add(topic("accounts"), release("accounts", 5, 1), records("accounts", 0, 5));
        await().atMost(Duration.ofSeconds(5)).until(() -> batches.size() == 1);
        batcher.add(topic("contacts"), release("contacts", 5, 1), records("contacts", 0, 20));

        await().atMost(Duration.ofSeconds(5)).until(() -> acknowledged.size() == 20);
        assertThat(acknowledged).allSatisfy(record -> assertThat(record.partition().topic()).isEqualTo(topic("contacts")));
    }

    @Test
    void acknowledgesWhatWasDoneAndRetriesOnlyTheRest() {
        AtomicInteger calls = new AtomicInteger();
        batcher = batcher((table, records) -> {
            batches.add(records);
            if (calls.getAndIncrement() == 0) {
                return new BatchResult(records.subList(0, 3), records.subList(3, records.size()), null, "503");
            }
            return BatchResult.allDone(records);
        }, 4);

        batcher.add(topic("accounts"), release("accounts", 10, 1), records("accounts", 0, 10));

        await().atMost(Duration.ofSeconds(5)).until(() -> acknowledged.size() == 10);
        assertThat(batches.get(1)).extracting(PendingRecord::offset).containsExactlyElementsOf(range(3, 10));
    }

    @Test
    void dropsTheWaitingRecordsOfACancelledTableWithoutWritingThem() throws Exception {
        CountDownLatch firstBatchStarted = new CountDownLatch(1);
        CountDownLatch finishFirstBatch = new CountDownLatch(1);
        batcher = batcher((table, records) -> {
            batches.add(records);
            firstBatchStarted.countDown();
            waitFor(finishFirstBatch);
            return BatchResult.allDone(records);
        }, 4);

        batcher.add(topic("accounts"), release("accounts", 10, 1), records("accounts", 0, 50));
        assertThat(firstBatchStarted.await(5, TimeUnit.SECONDS)).isTrue();
        batcher.dropTable(topic("accounts"));
        finishFirstBatch.countDown();

        await().atMost(Duration.ofSeconds(5)).until(() -> acknowledged.size() == 10);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> batches.size() == 1);
        assertThat(batcher.activeTables()).isEmpty();
    }

    @Test
    void dropsTheRetriesOfARevokedPartition() {
        TopicPartition partition = new TopicPartition(topic("accounts"), 0);
        batcher = batcher((table, records) -> {
            batches.add(records);
            revoked.add(partition);
            return BatchResult.retryAll(records, null, "503");
        }, 4);

        batcher.add(topic("accounts"), release("accounts", 10, 1), records("accounts", 0, 10));

        await().atMost(Duration.ofSeconds(5)).until(() -> batches.size() == 1);
        await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(2)).until(() -> batches.size() == 1);
        assertThat(acknowledged).isEmpty();
    }

    @Test
    void retriesABatchWhoseProcessorThrew() {
        AtomicInteger calls = new AtomicInteger();
        batcher = batcher((table, records) -> {
            if (calls.getAndIncrement() == 0) {
                throw new IllegalStateException("bug");
            }
            return BatchResult.allDone(records);
        }, 4);

        batcher.add(topic("accounts"), release("accounts", 10, 1), records("accounts", 0, 4));

        await().atMost(Duration.ofSeconds(5)).until(() -> acknowledged.size() == 4);
        assertThat(calls.get()).isEqualTo(2);
    }

    /** Holds every batch until {@link #open} opens, counting how many are in flight together. */
    private static final class Concurrency implements UpsertBatcher.BatchProcessor {
        final AtomicInteger now = new AtomicInteger();
        final AtomicInteger highest = new AtomicInteger();
        final Set<String> tables = ConcurrentHashMap.newKeySet();
        final CountDownLatch open = new CountDownLatch(1);

        @Override
        public BatchResult process(TableReleased table, List<PendingRecord> records) {
            tables.add(table.table());
            highest.accumulateAndGet(now.incrementAndGet(), Math::max);
            try {
                waitFor(open);
            } finally {
                now.decrementAndGet();
            }
            return BatchResult.allDone(records);
        }
    }

    private UpsertBatcher.BatchProcessor recordAll() {
        return (table, records) -> {
            batches.add(records);
            return BatchResult.allDone(records);
        };
    }

    private UpsertBatcher batcher(UpsertBatcher.BatchProcessor processor, int maxConcurrency) {
        return new UpsertBatcher(processor, acknowledged::addAll, partition -> !revoked.contains(partition),
                Executors.newFixedThreadPool(maxConcurrency), Executors.newSingleThreadScheduledExecutor(),
                maxConcurrency, LINGER, Duration.ofMillis(10), BACKOFF, System::nanoTime);
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String topic(String table) {
        return Topics.data("run-batcher", table);
    }

    private static TableReleased release(String table, int batchSize, int maxConcurrency) {
        return new TableReleased("run-batcher", table, "target", table, batchSize, maxConcurrency);
    }

    private static List<PendingRecord> records(String table, int from, int to) {
        TopicPartition partition = new TopicPartition(topic(table), 0);
        return IntStream.range(from, to).mapToObj(i -> new PendingRecord(partition, i, "id-" + i, new byte[0])).toList();
    }

    private static List<Long> range(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> (long) i).toList();
    }
}
