package dev.ferry.extractor;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The extractor's settings, {@code ferry.extractor.*}; every one has a default. */
@ConfigMapping(prefix = "ferry.extractor")
public interface ExtractorConfig {

    /**
     * Extract tasks this extractor runs at once (each on a worker thread of its own). Also sizes
     * the task channel's worker pool ({@code smallrye.messaging.worker.extract-tasks.max-concurrency}
     * in application.properties refers to it).
     */
    @WithDefault("4")
    int maxConcurrentTasks();

    /**
     * Attempts per task when a failure is transient (the source still failing after the OData
     * client's own retries, Kafka unavailable): each attempt resumes from the last checkpoint.
     * Then the task fails with an {@code ExtractionFailed} event.
     */
    @WithDefault("3")
    int taskAttempts();

    /** Wait between two attempts of a task. */
    @WithDefault("PT5S")
    Duration retryBackoff();

    /** Longest wait for one Kafka operation: an admin request, a checkpoint read, an event sent. */
    @WithDefault("PT30S")
    Duration kafkaTimeout();

    /** The producer of records, checkpoints and events. */
    Producer producer();

    /** The checkpoint topic, {@code ferry.checkpoints.extract}, created by the extractor when missing. */
    Checkpoints checkpoints();

    /** Producer tuning; idempotence and {@code acks=all} are always on. */
    interface Producer {

        /** {@code linger.ms}: how long the producer waits to fill a batch. */
        @WithDefault("20")
        int lingerMs();

        /** {@code batch.size} in bytes, per partition. */
        @WithDefault("262144")
        int batchSize();

        /** {@code compression.type}: none, gzip, snappy, lz4 or zstd. */
        @WithDefault("lz4")
        String compressionType();
    }

    /** How the checkpoint topic is created when it does not exist yet. */
    interface Checkpoints {

        /**
         * Partitions of a new checkpoint topic. A checkpoint is read from the one partition its key
         * maps to, so adding partitions later loses the checkpoints (tables then restart from page 1).
         */
        @WithDefault("1")
        int partitions();

        /** Replication factor of a new checkpoint topic; the broker's default when unset. */
        Optional<Short> replicationFactor();

        /**
         * How long checkpoints are kept ({@code retention.ms}; the topic is compacted and deleted
         * past this age), longer than any run.
         */
        @WithDefault("P14D")
        Duration retention();
    }
}
