package dev.ferry.loader;

import dev.ferry.common.contract.TableReleased;
import dev.ferry.common.plan.PlanOptions;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Collects the records of each released table into batches of its {@code batchSize} (or fewer,
 * once the oldest has waited {@code linger}) and hands them to worker threads, with at most the
 * table's {@code maxConcurrency} batches in flight per table and at most a global number over all
 * tables (served in turn, so that one busy table does not starve the others).
 *
 * <p>Records a batch could not write (the target failed retriably even after the client's
 * retries) are kept, never skipped: the table waits out a backoff (doubling, or the target's
 * Retry-After) and then writes them first, one batch at a time, before anything newer. Meanwhile
 * its partitions fill up to their in-flight limit and the data plane pauses them; other tables go
 * on. Thread-safe: the consumer thread adds records, workers and a timer dispatch.
 */
final class UpsertBatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(UpsertBatcher.class);

    /** Loads one batch; runs on a worker thread. */
    @FunctionalInterface
    interface BatchProcessor {
        BatchResult process(TableReleased table, List<PendingRecord> records);
    }

    /** Receives the records that are durable; called on worker threads. */
    @FunctionalInterface
    interface Acknowledger {
        void acknowledged(List<PendingRecord> records);
    }

    /** How long to wait before a failed batch is tried again. */
    record Backoff(Duration initial, Duration max) {
        Duration after(int failures, Duration retryAfter) {
            long millis = initial.toMillis();
            for (int i = 1; i < failures && millis < max.toMillis(); i++) {
                millis *= 2;
            }
            Duration wait = Duration.ofMillis(Math.min(millis, max.toMillis()));
            return retryAfter != null && retryAfter.compareTo(wait) > 0 ? retryAfter : wait;
        }
    }

    /** The records of one table waiting to be written. Guarded by the batcher's lock. */
    private static final class TableQueue {
        TableReleased table;
        final ArrayDeque<PendingRecord> pending = new ArrayDeque<>();
        final ArrayDeque<PendingRecord> retry = new ArrayDeque<>();
        long oldestPendingNanos;
        long notBeforeNanos;
        int failures;
        int inFlight;

        TableQueue(TableReleased table) {
            this.table = table;
        }

        boolean idle() {
            return pending.isEmpty() && retry.isEmpty() && inFlight == 0;
        }
    }

    private final BatchProcessor processor;
    private final Acknowledger acknowledger;
    private final Predicate<TopicPartition> owned;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final int maxConcurrency;
    private final long lingerNanos;
    private final Backoff backoff;
    private final LongSupplier nanoTime;

    private final Object lock = new Object();
    /** By data topic, in the order tables were first seen; guarded by {@link #lock}. */
    private final Map<String, TableQueue> tables = new LinkedHashMap<>();
    private int inFlight;
    private int nextTable;
    private boolean closed;

    /**
     * @param processor      loads a batch (on a worker)
     * @param acknowledger   takes the durable records
     * @param owned          whether this loader still owns a partition: retries of revoked partitions are dropped
     * @param workers        the worker threads; at least {@code maxConcurrency} of them
     * @param timer          ticks the batcher every {@code tick} for lingering batches and ended backoffs
     * @param maxConcurrency batches in flight at most over all tables
     * @param linger         how long a partial batch waits for more records
     * @param tick           how often lingering and backing-off tables are looked at
     * @param backoff        the wait before a failed batch is written again
     * @param nanoTime       the clock ({@link System#nanoTime} but in tests)
     */
    UpsertBatcher(BatchProcessor processor, Acknowledger acknowledger, Predicate<TopicPartition> owned,
            ExecutorService workers, ScheduledExecutorService timer, int maxConcurrency, Duration linger,
            Duration tick, Backoff backoff, LongSupplier nanoTime) {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be at least 1, not " + maxConcurrency);
        }
        this.processor = processor;
        this.acknowledger = acknowledger;
        this.owned = owned;
        this.workers = workers;
        this.timer = timer;
        this.maxConcurrency = maxConcurrency;
        this.lingerNanos = linger.toNanos();
        this.backoff = backoff;
        this.nanoTime = nanoTime;
        long tickMillis = Math.max(1, tick.toMillis());
        timer.scheduleWithFixedDelay(this::dispatchSafely, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
    }

    /** Adds records of one released table (its data topic's records, in offset order per partition). */
    void add(String dataTopic, TableReleased table, List<PendingRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        synchronized (lock) {
            TableQueue queue = tables.computeIfAbsent(dataTopic, topic -> new TableQueue(table));
            queue.table = table;
            if (queue.pending.isEmpty()) {
                queue.oldestPendingNanos = nanoTime.getAsLong();
            }
            queue.pending.addAll(records);
            dispatch();
        }
    }

    /**
     * Drops what waits of a cancelled table; batches in flight finish, their records are still
     * acknowledged (they are durable) but nothing of the table is retried.
     */
    void dropTable(String dataTopic) {
        synchronized (lock) {
            TableQueue queue = tables.remove(dataTopic);
            if (queue != null) {
                queue.pending.clear();
                queue.retry.clear();
            }
        }
    }

    /** Drops what waits of partitions this loader no longer owns (their new owner reads them again). */
    void dropPartitions(Collection<TopicPartition> partitions) {
        Set<TopicPartition> gone = new HashSet<>(partitions);
        synchronized (lock) {
            for (TableQueue queue : tables.values()) {
                queue.pending.removeIf(record -> gone.contains(record.partition()));
                queue.retry.removeIf(record -> gone.contains(record.partition()));
            }
        }
    }

    /** Batches being written now. */
    int inFlight() {
        synchronized (lock) {
            return inFlight;
        }
    }

    private void dispatchSafely() {
        try {
            synchronized (lock) {
                dispatch();
            }
        } catch (RuntimeException e) {
            // A timer task that throws is never run again: log and carry on.
            LOG.error("Dispatching batches failed", e);
        }
    }

    /** Starts every batch that may start now; tables take turns. Holds {@link #lock}. */
    private void dispatch() {
        if (closed) {
            return;
        }
        tables.values().removeIf(TableQueue::idle);
        boolean started = true;
        while (started && inFlight < maxConcurrency && !tables.isEmpty()) {
            started = false;
            List<TableQueue> order = new ArrayList<>(tables.values());
            int first = nextTable % order.size();
            for (int i = 0; i < order.size() && inFlight < maxConcurrency; i++) {
                int index = (first + i) % order.size();
                List<PendingRecord> batch = nextBatch(order.get(index), nanoTime.getAsLong());
                if (batch != null) {
                    start(order.get(index), batch);
                    started = true;
                    // The next turn goes to the table after the one served last.
                    nextTable = index + 1;
                }
            }
        }
    }

    private List<PendingRecord> nextBatch(TableQueue queue, long now) {
        // The plan validator keeps batchSize within 1..MAX_BATCH_SIZE (a Dataverse request's limit); so does this.
        int batchSize = Math.min(PlanOptions.MAX_BATCH_SIZE, Math.max(1, queue.table.batchSize()));
        if (!queue.retry.isEmpty()) {
            // Failed records go first, one batch at a time, once the backoff has passed.
            if (queue.inFlight > 0 || now - queue.notBeforeNanos < 0) {
                return null;
            }
            return take(queue.retry, batchSize);
        }
        if (queue.inFlight >= Math.max(1, queue.table.maxConcurrency()) || queue.pending.isEmpty()) {
            return null;
        }
        if (queue.pending.size() >= batchSize || now - queue.oldestPendingNanos >= lingerNanos) {
            List<PendingRecord> batch = take(queue.pending, batchSize);
            // What is left arrived after the batch's records; counting its wait from now errs on waiting longer.
            queue.oldestPendingNanos = now;
            return batch;
        }
        return null;
    }

    private static List<PendingRecord> take(ArrayDeque<PendingRecord> from, int count) {
        List<PendingRecord> batch = new ArrayList<>(Math.min(count, from.size()));
        while (batch.size() < count && !from.isEmpty()) {
            batch.add(from.removeFirst());
        }
        return batch;
    }

    private void start(TableQueue queue, List<PendingRecord> batch) {
        queue.inFlight++;
        inFlight++;
        TableReleased table = queue.table;
        try {
            workers.execute(() -> run(queue, table, batch));
        } catch (RejectedExecutionException e) {
            // Shutting down: the records stay unacknowledged and are read again after a restart.
            queue.inFlight--;
            inFlight--;
            LOG.debugf("Batch of %s not started: the loader is stopping", table.table());
        }
    }

    private void run(TableQueue queue, TableReleased table, List<PendingRecord> batch) {
        BatchResult result;
        try {
            result = processor.process(table, batch);
        } catch (RuntimeException | Error e) {
            LOG.errorf(e, "Loading a batch of %d records of %s/%s failed; it will be tried again", batch.size(),
                    table.runId(), table.table());
            result = BatchResult.retryAll(batch, null, e.toString());
        }
        if (!result.done().isEmpty()) {
            acknowledger.acknowledged(result.done());
        }
        synchronized (lock) {
            queue.inFlight--;
            inFlight--;
            List<PendingRecord> retry = result.retry().stream().filter(record -> owned.test(record.partition())).toList();
            if (retry.isEmpty()) {
                queue.failures = 0;
            } else if (tables.get(ReleaseGate.dataTopicOf(table)) == queue) {
                queue.failures++;
                Duration wait = backoff.after(queue.failures, result.retryAfter());
                queue.notBeforeNanos = nanoTime.getAsLong() + wait.toNanos();
                // Ahead of what waits, in their order: they came first.
                for (int i = retry.size() - 1; i >= 0; i--) {
                    queue.retry.addFirst(retry.get(i));
                }
                LOG.warnf("%d records of %s/%s not written (%s); trying again in %d ms (failure %d)", retry.size(),
                        table.runId(), table.table(), result.retryReason(), wait.toMillis(), queue.failures);
            }
            dispatch();
        }
    }

    /**
     * Stops starting batches and waits up to {@code timeout} for those in flight; records not
     * acknowledged by then are read again by whichever loader owns their partition next.
     */
    void close(Duration timeout) {
        synchronized (lock) {
            closed = true;
        }
        timer.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warnf("%d batches still being written after %d ms; stopping them (their records will be"
                        + " loaded again)", inFlight(), timeout.toMillis());
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
    }

    @Override
    public void close() {
        close(Duration.ZERO);
    }

    /** The data topics of tables with records waiting or in flight. */
    Set<String> activeTables() {
        synchronized (lock) {
            Set<String> active = new HashSet<>();
            tables.forEach((topic, queue) -> {
                if (!queue.idle()) {
                    active.add(topic);
                }
            });
            return active;
        }
    }
}
