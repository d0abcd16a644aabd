package dev.ferry.common.contract;

import java.util.Objects;

/**
 * Loaders may load this table now: its parents are loaded. Until then its partitions stay paused.
 * It carries what a loader needs to write the table, so that loaders never read the plan.
 *
 * @param runId             the run
 * @param table             the table (its data topic is {@link Topics#data}(runId, table))
 * @param targetEnvironment the configured environment to write to
 * @param entitySet         the target entity set
 * @param batchSize         records per write request
 * @param maxConcurrency    write requests in flight at most, per loader
 */
public record TableReleased(String runId, String table, String targetEnvironment, String entitySet, int batchSize,
                            int maxConcurrency) implements ControlMessage {

    public TableReleased {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(targetEnvironment, "targetEnvironment");
        Objects.requireNonNull(entitySet, "entitySet");
    }
}
