package dev.ferry.loader;

import dev.ferry.common.odata.BatchOutcome;
import dev.ferry.common.odata.ODataException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes a batch and finds the records the target refuses. An all-or-nothing write
 * (UpsertMultiple) that fails for good is split in halves, recursively, so that every good record
 * is still written and each bad one is named with the target's own error (a binary search: about
 * 2·log2(n) extra requests per bad record). Per-item outcomes ($batch, single PATCH) need no
 * split. A retriable failure (left after the client's own retries) stops the search: what was not
 * written yet is tried again later as a whole.
 *
 * @param <T> what is written: rows ({@code UpsertItem}) or associations ({@code AssociationItem})
 */
final class BatchSplitter<T> {

    /** Writes items in one request: the target client, or a fake in tests. */
    @FunctionalInterface
    interface ItemWriter<T> {
        /** @throws ODataException when the request as a whole failed */
        BatchOutcome write(List<T> items);
    }

    private final ItemWriter<T> writer;
    private final Function<T, String> recordIdOf;

    /**
     * @param writer     writes one request
     * @param recordIdOf the item's record id, which names it in the outcome
     */
    BatchSplitter(ItemWriter<T> writer, Function<T, String> recordIdOf) {
        this.writer = writer;
        this.recordIdOf = recordIdOf;
    }

    /** Writes the items (unique record ids) and tells each one's fate. */
    WriteResult write(List<T> items) {
        WriteResult result = new WriteResult();
        write(items, result);
        return result;
    }

    private void write(List<T> items, WriteResult result) {
        if (items.isEmpty()) {
            return;
        }
        if (result.hasRetry()) {
            // The target failed retriably for an earlier part: do not press it, keep the rest for later.
            items.forEach(item -> result.addRetry(recordIdOf.apply(item), result.retryCause()));
            return;
        }
        BatchOutcome outcome;
        try {
            outcome = writer.write(items);
        } catch (ODataException failure) {
            if (failure.retriable()) {
                items.forEach(item -> result.addRetry(recordIdOf.apply(item), failure));
            } else {
                splitOrReject(items, failure, result);
            }
            return;
        }
        if (outcome.allWritten()) {
            items.forEach(item -> result.addWritten(recordIdOf.apply(item)));
        } else if (outcome.atomic()) {
            ODataException failure = outcome.failures().get(0).error();
            if (failure.retriable()) {
                items.forEach(item -> result.addRetry(recordIdOf.apply(item), failure));
            } else {
                splitOrReject(items, failure, result);
            }
        } else {
            sortPerItem(items, outcome, result);
        }
    }

    private void splitOrReject(List<T> items, ODataException failure, WriteResult result) {
        if (items.size() == 1) {
            result.addRejected(recordIdOf.apply(items.get(0)), failure);
            return;
        }
        int middle = items.size() / 2;
        write(items.subList(0, middle), result);
        write(items.subList(middle, items.size()), result);
    }

    private void sortPerItem(List<T> items, BatchOutcome outcome, WriteResult result) {
        Map<String, ODataException> failures = new HashMap<>();
        ODataException wholeRequest = null;
        for (BatchOutcome.ItemFailure failure : outcome.failures()) {
            if (failure.recordId() == null) {
                wholeRequest = failure.error();
            } else {
                failures.put(failure.recordId(), failure.error());
            }
        }
        for (T item : items) {
            String id = recordIdOf.apply(item);
            ODataException failure = failures.getOrDefault(id, wholeRequest);
            if (failure == null) {
                result.addWritten(id);
            } else if (failure.retriable()) {
                result.addRetry(id, failure);
            } else {
                result.addRejected(id, failure);
            }
        }
    }
}
