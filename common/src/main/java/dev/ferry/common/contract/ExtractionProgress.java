package dev.ferry.common.contract;

import java.util.Objects;

/**
 * An extractor's progress on one table (or slice), sent after each page.
 *
 * @param runId   the run
 * @param table   the table
 * @param slice   the slice index, or {@code null} when the table is not sliced
 * @param pages   pages read so far
 * @param records records produced so far
 */
public record ExtractionProgress(String runId, String table, Integer slice, long pages, long records)
        implements FerryEvent {

    public ExtractionProgress {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(table, "table");
    }
}
