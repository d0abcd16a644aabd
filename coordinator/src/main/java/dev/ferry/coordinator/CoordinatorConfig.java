package dev.ferry.coordinator;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The coordinator's settings, {@code ferry.coordinator.*}; every one has a default that suits a local stack. */
@ConfigMapping(prefix = "ferry.coordinator")
public interface CoordinatorConfig {

    /** Partitions of each data topic {@code ferry.data.<run>.<table>}: how many loaders can share one table. */
    @WithDefault("3")
    int dataPartitions();

    /** Partitions of each dead-letter topic {@code ferry.dlq.<run>}: one keeps the errors of a run in order. */
    @WithDefault("1")
    int deadLetterPartitions();

    /**
     * Partitions of {@code ferry.tasks.extract}, when the coordinator creates it: how many
     * extractors can take tasks at once.
     */
    @WithDefault("6")
    int taskPartitions();

    /** Partitions of {@code ferry.events}, when the coordinator creates it (events are keyed by run). */
    @WithDefault("3")
    int eventPartitions();

    /** Replication factor of every topic the coordinator creates; 1 suits a one-broker stack, 3 a cluster. */
    @WithDefault("1")
    short replicationFactor();

    /**
     * The consumer group of the loaders, whose committed offsets on a table's data topic tell
     * whether the table is loaded. Must be the loaders' {@code group.id}.
     */
    @WithDefault("ferry-loader")
    String loaderGroup();

    /** How often the committed offsets of the loader group are compared with the end offsets of released tables. */
    @WithDefault("1s")
    Duration loadCheckInterval();

    /**
     * How long changes to a run are gathered before its state is written to {@code ferry.runs}:
     * a run that changes with every event is written at most this often. Events are acknowledged
     * only once the state they changed is written, so this is also their commit delay.
     */
    @WithDefault("200ms")
    Duration stateFlushInterval();

    /** The most an Admin API call, a state write or a dead-letter read may take before it fails. */
    @WithDefault("30s")
    Duration kafkaTimeout();

    /**
     * How long the data topics {@code ferry.data.<run>.*} of a finished run are kept before they are
     * deleted. They hold copies of source records and are not read once the run has finished; the
     * run's state and dead letters are kept.
     */
    @WithDefault("1h")
    Duration dataRetention();

    /** How often the data topics of finished runs are checked against {@link #dataRetention()}. */
    @WithDefault("1m")
    Duration retentionCheckInterval();

    /** {@code GET /migrations/{id}/errors}. */
    ErrorsConfig errors();

    /** {@code GET /migrations}: runs listed when the request gives no {@code limit}. */
    @WithDefault("100")
    int historyLimit();

    /** Paging of dead letters. */
    interface ErrorsConfig {

        /** Dead letters returned when the request gives no {@code limit}. */
        @WithDefault("100")
        int defaultLimit();

        /** The most dead letters one request may return: a larger {@code limit} is refused. */
        @WithDefault("1000")
        int maxLimit();
    }
}
