package dev.ferry.loader;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The loader's settings ({@code ferry.loader.*}). Durations take Quarkus's forms ({@code 500ms},
 * {@code 30s}, {@code PT1M}). What a table is written with (batch size, requests in flight) comes
 * from the coordinator's {@code TableReleased}, not from here.
 */
@ConfigMapping(prefix = "ferry.loader")
public interface LoaderConfig {

    /** The consumer group of every loader on the data topics. Default {@code ferry-loader}. */
    @WithDefault("ferry-loader")
    String groupId();

    /** How long one poll of the data topics waits for records; also the longest delay of a command. Default 100ms. */
    @WithDefault("100ms")
    Duration pollTimeout();

    /**
     * How often the data consumer refreshes topic metadata ({@code metadata.max.age.ms}): a new
     * run's data topics are seen at most this late. Kafka's own default (5 minutes) would hold a
     * new run back for minutes. Default 1s.
     */
    @WithDefault("1s")
    Duration metadataMaxAge();

    /** Records one poll returns at most ({@code max.poll.records}). Default 1000. */
    @WithDefault("1000")
    int maxPollRecords();

    /** How often acknowledged offsets are committed (also on every revocation and at shutdown). Default 500ms. */
    @WithDefault("500ms")
    Duration commitInterval();

    /**
     * Records received but not yet acknowledged, at most, summed over every partition; above it
     * every partition is paused for backpressure until half of them are acknowledged. It bounds
     * the loader's memory. Default 20000.
     */
    @WithDefault("20000")
    int maxInFlightRecords();

    /**
     * Records received but not yet acknowledged in one partition, at most; above it that
     * partition is paused until half of them are acknowledged, so that a slow or failing table
     * cannot take the whole in-flight budget. Default 5000.
     */
    @WithDefault("5000")
    int maxInFlightPerPartition();

    /** How long a partial batch waits for more records before it is written anyway. Default 100ms. */
    @WithDefault("100ms")
    Duration linger();

    /** Write requests in flight at most over every table (worker threads). Default 16. */
    @WithDefault("16")
    int maxConcurrency();

    /**
     * How long a stopping loader waits for the batches in flight before it commits what was
     * acknowledged and leaves the group (what is left is loaded again by the next owner). Default 10s.
     */
    @WithDefault("10s")
    Duration shutdownTimeout();

    /** Backoff before a batch that failed retriably (after the OData client's own retries) is tried again. */
    Retry retry();

    /** Backoff of batches that failed retriably: {@code ferry.loader.retry.*}. */
    interface Retry {

        /** The first wait; doubled after each further failure of the same batch. Default 1s. */
        @WithDefault("1s")
        Duration initialBackoff();

        /** The longest wait (a target's Retry-After longer than this is honoured anyway). Default 60s. */
        @WithDefault("60s")
        Duration maxBackoff();
    }

    /** Lookups that point at tables outside the plan: {@code ferry.loader.outside-lookups.*}. */
    OutsideLookups outsideLookups();

    /** How {@code keep} lookups to tables outside the plan are checked. */
    interface OutsideLookups {

        /**
         * Ids of rows outside the plan known to exist in the target, remembered at most (over every
         * run and table; the least recently used are forgotten first), so that a row many records
         * point at (an owner, a parent customer) is read once, not once per batch. About 200 bytes
         * each. Default 100000.
         */
        @WithDefault("100000")
        int knownRows();
    }

    /** The dead-letter producer: {@code ferry.loader.dead-letters.*}. */
    DeadLetters deadLetters();

    /** How rejected records are written to {@code ferry.dlq.<run>}. */
    interface DeadLetters {

        /** How long the broker may take to acknowledge a dead letter ({@code delivery.timeout.ms}). Default 2m. */
        @WithDefault("2m")
        Duration deliveryTimeout();
    }
}
