package dev.ferry.common.contract;

import java.util.Objects;

/**
 * Loaders may load this table now: its parents are loaded. Until then its partitions stay paused.
 *
 * @param runId the run
 * @param table the table
 */
public record TableReleased(String runId, String table) implements ControlMessage {

    public TableReleased {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(table, "table");
    }
}
