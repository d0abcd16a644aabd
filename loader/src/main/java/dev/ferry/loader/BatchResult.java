package dev.ferry.loader;

import java.time.Duration;
import java.util.List;

/**
 * What became of one batch: the records now durable (in the target or the dead-letter topic),
 * which may be acknowledged, and those to write again later.
 *
 * @param done        records to acknowledge
 * @param retry       records to write again after a backoff
 * @param retryAfter  how long the target asked to wait (Retry-After), or null
 * @param retryReason why the retry ones were not written, for the log, or null
 */
record BatchResult(List<PendingRecord> done, List<PendingRecord> retry, Duration retryAfter, String retryReason) {

    BatchResult {
        done = List.copyOf(done);
        retry = List.copyOf(retry);
    }

    static BatchResult allDone(List<PendingRecord> records) {
        return new BatchResult(records, List.of(), null, null);
    }

    static BatchResult retryAll(List<PendingRecord> records, Duration retryAfter, String reason) {
        return new BatchResult(List.of(), records, retryAfter, reason);
    }
}
