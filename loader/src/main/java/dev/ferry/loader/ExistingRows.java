package dev.ferry.loader;

import dev.ferry.common.odata.ODataClient;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Tells which rows of tables outside the plan are missing in the target, for {@code keep} lookups:
 * the ids a batch references are asked for in bulk ({@link ODataClient#existingIds}), and the ids
 * known to exist are remembered per run, environment and entity set, up to a bound (the least
 * recently used are forgotten first), so that rows many records point at are read once. Missing
 * ids are not remembered: the row may be created meanwhile. Thread-safe.
 */
final class ExistingRows {

    private record Key(String runId, String environment, String entitySet, String id) {
    }

    private final Map<Key, Boolean> known;

    /** @param capacity ids known to exist remembered at most, over every run and entity set */
    ExistingRows(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("The number of known rows to remember must not be negative, not "
                    + capacity);
        }
        this.known = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * The ids, of those given, that are not in the target's {@code entitySet}.
     *
     * @throws dev.ferry.common.odata.ODataException if the target cannot be read
     */
    Set<String> missing(ODataClient client, String runId, String entitySet, Collection<String> ids) {
        Set<String> unknown = new LinkedHashSet<>();
        synchronized (known) {
            for (String id : ids) {
                if (known.get(new Key(runId, client.environment(), entitySet, id)) == null) {
                    unknown.add(id);
                }
            }
        }
        if (unknown.isEmpty()) {
            return Set.of();
        }
        // Read outside the lock: other batches need not wait for this one's request.
        Set<String> existing = client.existingIds(entitySet, unknown);
        synchronized (known) {
            for (String id : existing) {
                known.put(new Key(runId, client.environment(), entitySet, id), Boolean.TRUE);
            }
        }
        unknown.removeAll(existing);
        return unknown;
    }
}
