package dev.ferry.common.contract;

import java.util.Objects;

/**
 * Stop working on this table: loaders drop its records, extractors stop paging it.
 *
 * @param runId  the run
 * @param table  the table
 * @param reason why, for people (e.g. "run cancelled by user", "parent table failed")
 */
public record TableCancelled(String runId, String table, String reason) implements ControlMessage {

    public TableCancelled {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(table, "table");
    }
}
