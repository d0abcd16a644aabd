package dev.ferry.common.odata;

import java.util.List;

/**
 * What happened to each item of a write, in the order of the items.
 *
 * @param method   the method that was used
 * @param failures the items the service refused (empty when all were written); with an
 *                 all-or-nothing method one failure means nothing was written, see {@link #atomic}
 * @param atomic   whether the method is all-or-nothing (UpsertMultiple): then a failure names the
 *                 whole request's error and no item was written
 */
public record BatchOutcome(WriteMethod method, List<ItemFailure> failures, boolean atomic) {
    public BatchOutcome {
        failures = List.copyOf(failures);
    }

    public boolean allWritten() {
        return failures.isEmpty();
    }

    /**
     * One refused item.
     *
     * @param recordId the item's record id, or null when an atomic request failed as a whole
     * @param error    the service's answer
     */
    public record ItemFailure(String recordId, ODataException error) {
    }
}
