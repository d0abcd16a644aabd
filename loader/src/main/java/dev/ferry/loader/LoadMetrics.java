package dev.ferry.loader;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The loader's meters, tagged by run and table: {@code ferry.records.loaded},
 * {@code ferry.records.rejected} (counters), {@code ferry.batch.size} (summary of records per
 * batch) and {@code ferry.write.latency} (timer of each write request, split halves included).
 */
final class LoadMetrics {

    static final String LOADED = "ferry.records.loaded";
    static final String REJECTED = "ferry.records.rejected";
    static final String BATCH_SIZE = "ferry.batch.size";
    static final String WRITE_LATENCY = "ferry.write.latency";
    static final String RUN_TAG = "run";
    static final String TABLE_TAG = "table";

    private final MeterRegistry registry;

    LoadMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void loaded(String run, String table, long records) {
        Counter.builder(LOADED).description("Records the target acknowledged")
                .tags(RUN_TAG, run, TABLE_TAG, table).register(registry).increment(records);
    }

    void rejected(String run, String table, long records) {
        Counter.builder(REJECTED).description("Records the target refused, sent to the dead-letter topic")
                .tags(RUN_TAG, run, TABLE_TAG, table).register(registry).increment(records);
    }

    void batch(String run, String table, int records) {
        DistributionSummary.builder(BATCH_SIZE).description("Records per batch handed to the writer")
                .baseUnit("records").tags(RUN_TAG, run, TABLE_TAG, table).register(registry).record(records);
    }

    void write(String run, String table, Duration took) {
        Timer.builder(WRITE_LATENCY).description("Time of one write request to the target")
                .tags(RUN_TAG, run, TABLE_TAG, table).register(registry).record(took);
    }
}
