package dev.ferry.emulator.store;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each table was first and last written, how many rows were written, and when a row was last
 * created: the target's own record of load order, independent of what a client believes it did.
 * The last create tells when a table's rows were all in place even when updates follow (a second
 * pass that sets lookups), which the last write alone cannot.
 */
public final class WriteLog {
    /**
     * The committed writes to one table.
     *
     * @param first      the first write
     * @param last       the last write
     * @param rows       row writes (creates, updates, deletes)
     * @param lastCreate the last write that created a row, or null if none did
     * @param creates    rows created
     */
    public record TableWrites(Instant first, Instant last, long rows, Instant lastCreate, long creates) {
    }

    private final ConcurrentHashMap<String, TableWrites> byTable = new ConcurrentHashMap<>();

    void record(String table, int rows, int creates, Instant at) {
        byTable.merge(table, new TableWrites(at, at, rows, creates > 0 ? at : null, creates),
                (old, add) -> new TableWrites(old.first(), add.last(), old.rows() + add.rows(),
                        add.lastCreate() != null ? add.lastCreate() : old.lastCreate(), old.creates() + add.creates()));
    }

    public Map<String, TableWrites> snapshot() {
        return new TreeMap<>(byTable);
    }

    void clear() {
        byTable.clear();
    }
}
