package dev.ferry.loader;

import dev.ferry.common.odata.BatchOutcome;
import dev.ferry.common.odata.ODataException;
import dev.ferry.common.odata.UpsertItem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a batch and finds the records the target refuses. An all-or-nothing write
 * (UpsertMultiple) that fails for good is split in halves, recursively, so that every good record
 * is still written and each bad one is named with the target's own error (a binary search: about
 * 2·log2(n) extra requests per bad record). Per-item outcomes ($batch, single PATCH) need no
 * split. A retriable failure (left after the client's own retries) stops the search: what was not
 * written yet is tried again later as a whole.
 */
final class BatchSplitter {

    /** Writes items in one request: the target client, or a fake in tests. */
    @FunctionalInterface
    interface ItemWriter {
        /** @throws ODataException when the request as a whole failed */
        BatchOutcome upsert(List<UpsertItem> items);
    }

    private final ItemWriter writer;

    BatchSplitter(ItemWriter writer) {
        this.writer = writer;
    }

    /** Writes the items (unique record ids) and tells each one's fate. */
    WriteResult write(List<UpsertItem> items) {
        WriteResult result = new WriteResult();
        write(items, result);
        return result;
    }

    private void write(List<UpsertItem> items, WriteResult result) {
        if (items.isEmpty()) {
            return;
        }
        if (result.hasRetry()) {
            // The target failed retriably for an earlier part: do not press it, keep the rest for later.
            items.forEach(item -> result.addRetry(item.recordId(), result.retryCause()));
            return;
        }
        BatchOutcome outcome;
        try {
            outcome = writer.upsert(items);
        } catch (ODataException failure) {
            if (failure.retriable()) {
                items.forEach(item -> result.addRetry(item.recordId(), failure));
            } else {
                splitOrReject(items, failure, result);
            }
            return;
        }
        if (outcome.allWritten()) {
            items.forEach(item -> result.addWritten(item.recordId()));
        } else if (outcome.atomic()) {
            ODataException failure = outcome.failures().get(0).error();
            if (failure.retriable()) {
                items.forEach(item -> result.addRetry(item.recordId(), failure));
            } else {
                splitOrReject(items, failure, result);
            }
        } else {
            sortPerItem(items, outcome, result);
        }
    }

    private void splitOrReject(List<UpsertItem> items, ODataException failure, WriteResult result) {
        if (items.size() == 1) {
            result.addRejected(items.get(0).recordId(), failure);
            return;
        }
        int middle = items.size() / 2;
        write(items.subList(0, middle), result);
        write(items.subList(middle, items.size()), result);
    }

    private static void sortPerItem(List<UpsertItem> items, BatchOutcome outcome, WriteResult result) {
        Map<String, ODataException> failures = new HashMap<>();
        ODataException wholeRequest = null;
        for (BatchOutcome.ItemFailure failure : outcome.failures()) {
            if (failure.recordId() == null) {
                wholeRequest = failure.error();
            } else {
                failures.put(failure.recordId(), failure.error());
            }
        }
        for (UpsertItem item : items) {
            ODataException failure = failures.getOrDefault(item.recordId(), wholeRequest);
            if (failure == null) {
                result.addWritten(item.recordId());
            } else if (failure.retriable()) {
                result.addRetry(item.recordId(), failure);
            } else {
                result.addRejected(item.recordId(), failure);
            }
        }
    }
}
