package dev.ferry.extractor;

import dev.ferry.common.contract.ExtractTask;
import java.util.Map;
import java.util.Objects;

/**
 * How far the extraction of one table (or slice) got, on the compacted
 * {@value dev.ferry.common.contract.Topics#EXTRACT_CHECKPOINTS}: written only once every record
 * of the pages it counts is acknowledged by Kafka.
 *
 * @param runId      the run
 * @param table      the table
 * @param slice      the slice index, or {@code null} when the table is not sliced
 * @param nextLink   the {@code @odata.nextLink} of the next page to read; {@code null} once completed
 * @param pages      pages produced so far
 * @param records    records produced so far
 * @param completed  whether the last page is produced; then {@code endOffsets} are those reported
 * @param endOffsets the end offsets reported in the completion event, empty until completed
 */
public record ExtractCheckpoint(String runId, String table, Integer slice, String nextLink, long pages, long records,
                                boolean completed, Map<Integer, Long> endOffsets) {

    /** Stands for "no slice" in a key. */
    static final String WHOLE_TABLE = "-";

    public ExtractCheckpoint {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(table, "table");
        endOffsets = endOffsets == null ? Map.of() : Map.copyOf(endOffsets);
    }

    /** A checkpoint after a page that has a next one. */
    public static ExtractCheckpoint afterPage(ExtractTask task, String nextLink, long pages, long records) {
        return new ExtractCheckpoint(task.runId(), task.table(), sliceIndex(task), nextLink, pages, records, false,
                Map.of());
    }

    /** The checkpoint after the last page. */
    public static ExtractCheckpoint afterLastPage(ExtractTask task, long pages, long records,
                                                  Map<Integer, Long> endOffsets) {
        return new ExtractCheckpoint(task.runId(), task.table(), sliceIndex(task), null, pages, records, true,
                endOffsets);
    }

    /** The record key of a task's checkpoint: {@code <run>/<table>/<slice>}, {@code -} for no slice. */
    public static String key(ExtractTask task) {
        Integer slice = sliceIndex(task);
        return task.runId() + "/" + task.table() + "/" + (slice == null ? WHOLE_TABLE : slice.toString());
    }

    /** The slice index events and checkpoints carry, or {@code null} when the task is the whole table. */
    public static Integer sliceIndex(ExtractTask task) {
        return task.slice() == null ? null : task.slice().index();
    }
}
