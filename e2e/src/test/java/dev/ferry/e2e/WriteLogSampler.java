package dev.ferry.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Samples the target emulator's write log during a run. The log keeps one first and last write
 * per table, so a table's deferred-lookups pass, which updates the same table later, moves its
 * last write past its rows pass; the samples tell when the table's first N rows were written
 * (its rows pass), which the log alone cannot.
 */
final class WriteLogSampler implements AutoCloseable {
    /** One table's entry of the write log at one moment. */
    record TableWrites(Instant first, Instant last, long rows) {
    }

    /**
     * When a table's first rows were all written.
     *
     * @param at    the last write of those rows, or a moment after it when not {@code exact}
     * @param exact whether a sample caught the table with exactly those rows (no later write yet)
     */
    record WrittenBy(Instant at, boolean exact) {
    }

    private final EmulatorAdmin target;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "ferry-e2e-write-log-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private final ConcurrentLinkedDeque<Map<String, TableWrites>> samples = new ConcurrentLinkedDeque<>();
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    private WriteLogSampler(EmulatorAdmin target) {
        this.target = target;
    }

    /** Starts sampling every {@code interval}. */
    static WriteLogSampler start(EmulatorAdmin target, Duration interval) {
        WriteLogSampler sampler = new WriteLogSampler(target);
        sampler.timer.scheduleWithFixedDelay(sampler::sample, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return sampler;
    }

    private void sample() {
        try {
            samples.add(parse(target.writes()));
        } catch (IOException | RuntimeException e) {
            failure.compareAndSet(null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops sampling and takes a last sample; throws what made a sample fail, if anything did. */
    @Override
    public void close() throws Exception {
        timer.shutdownNow();
        if (!timer.awaitTermination(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the write log sampler did not stop within 10 s");
        }
        samples.add(parse(target.writes()));
        Exception e = failure.get();
        if (e != null) {
            throw new IllegalStateException("sampling the target's write log failed", e);
        }
    }

    /** The write log as last sampled. */
    Map<String, TableWrites> last() {
        return samples.getLast();
    }

    int sampleCount() {
        return samples.size();
    }

    /**
     * When the table's first {@code rows} row writes were committed: from the first sample with at
     * least that many, exact when it has exactly that many; empty when no sample has as many.
     */
    Optional<WrittenBy> firstRowsWritten(String table, long rows) {
        for (Map<String, TableWrites> sample : samples) {
            TableWrites writes = sample.get(table);
            if (writes != null && writes.rows() >= rows) {
                return Optional.of(new WrittenBy(writes.last(), writes.rows() == rows));
            }
        }
        return Optional.empty();
    }

    private static Map<String, TableWrites> parse(JsonNode log) {
        Map<String, TableWrites> byTable = new HashMap<>();
        log.path("tables").fields().forEachRemaining(entry -> byTable.put(entry.getKey(), new TableWrites(
                Instant.parse(entry.getValue().path("first").asText()),
                Instant.parse(entry.getValue().path("last").asText()),
                entry.getValue().path("rows").asLong())));
        return byTable;
    }
}
