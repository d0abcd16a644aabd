package dev.ferry.common.contract;

import java.util.Objects;

/**
 * A loader's progress on one table: counts since its previous report for that table, which the
 * coordinator adds up. A batch written again after a loader restart is counted again, so these
 * counts are for display; whether a table is loaded is decided by offsets.
 *
 * @param runId    the run
 * @param table    the table
 * @param loaded   records the target acknowledged
 * @param rejected records the target refused (sent to the dead-letter topic)
 */
public record LoadProgress(String runId, String table, long loaded, long rejected) implements FerryEvent {

    public LoadProgress {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(table, "table");
    }
}
