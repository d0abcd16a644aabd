package dev.ferry.loader;

import dev.ferry.common.odata.ODataException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What became of the items of one write: written, refused for good (with the target's error), or
 * to be tried again later (the target could not take them now). Every item is in exactly one of
 * the three.
 */
final class WriteResult {

    private final List<String> written = new ArrayList<>();
    private final Map<String, ODataException> rejected = new LinkedHashMap<>();
    private final List<String> retry = new ArrayList<>();
    private ODataException retryCause;

    /** Record ids the target acknowledged. */
    List<String> written() {
        return written;
    }

    /** Record ids the target refused, with its error. */
    Map<String, ODataException> rejected() {
        return rejected;
    }

    /** Record ids to write again later. */
    List<String> retry() {
        return retry;
    }

    /** Why the {@link #retry()} ones were not written, or null. */
    ODataException retryCause() {
        return retryCause;
    }

    void addWritten(String recordId) {
        written.add(recordId);
    }

    void addRejected(String recordId, ODataException error) {
        rejected.put(recordId, error);
    }

    void addRetry(String recordId, ODataException cause) {
        retry.add(recordId);
        if (retryCause == null) {
            retryCause = cause;
        }
    }

    boolean hasRetry() {
        return !retry.isEmpty();
    }
}
