package dev.ferry.common.contract;

import java.util.Objects;

/**
 * An extractor gave up on a table (or slice): the failure is not transient (unknown environment
 * or entity set, missing data topic, a record without its key, a refused query) or its retries
 * ran out. The task is acknowledged: it is not retried until the coordinator emits it again.
 *
 * @param runId  the run
 * @param table  the table
 * @param slice  the slice index, or {@code null} when the table is not sliced
 * @param reason what went wrong, for people: names the run, table and source environment
 */
public record ExtractionFailed(String runId, String table, Integer slice, String reason) implements FerryEvent {

    public ExtractionFailed {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(reason, "reason");
    }
}
