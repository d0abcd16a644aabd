package dev.ferry.common.contract;

import java.util.Map;
import java.util.Objects;

/**
 * An extractor has produced every record of a table (or slice). The table is loaded once the
 * loaders' committed offsets reach these end offsets.
 *
 * @param runId       the run
 * @param table       the table
 * @param slice       the slice index, or {@code null} when the table is not sliced
 * @param recordCount records produced
 * @param endOffsets  per partition of the data topic, the offset after the last record produced
 */
public record ExtractionCompleted(String runId, String table, Integer slice, long recordCount,
                                  Map<Integer, Long> endOffsets) implements FerryEvent {

    public ExtractionCompleted {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(table, "table");
        endOffsets = endOffsets == null ? Map.of() : Map.copyOf(endOffsets);
    }
}
