package dev.ferry.coordinator.run;

import java.util.List;

/**
 * One page of a run's dead letters ({@code GET /migrations/{id}/errors}).
 *
 * @param runId  the run
 * @param total  dead letters of the run on the topic (from its offsets: exact unless records were
 *               deleted by retention)
 * @param offset how many were skipped, from the first (ordered by partition, then offset)
 * @param limit  the most this page holds
 * @param items  the dead letters
 */
public record DeadLetterPage(String runId, long total, long offset, int limit, List<DeadLetterItem> items) {

    public DeadLetterPage {
        items = List.copyOf(items);
    }

    /**
     * One record the target refused.
     *
     * @param recordId  the source record id
     * @param table     the table
     * @param reason    the target's message (or Ferry's when the request never reached it)
     * @param status    the target's HTTP status, or {@code null}
     * @param code      the target's error code, or {@code null}
     * @param partition where it is on the dead-letter topic
     * @param position  its offset there
     */
    public record DeadLetterItem(String recordId, String table, String reason, Integer status, String code,
                                 int partition, long position) {
    }
}
