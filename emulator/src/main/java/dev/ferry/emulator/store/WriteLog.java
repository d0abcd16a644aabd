package dev.ferry.emulator.store;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each table was first and last written, and how many rows were written: the target's own
 * record of load order, independent of what a client believes it did.
 */
public final class WriteLog {
    /** First and last committed write to one table, and the number of row writes. */
    public record TableWrites(Instant first, Instant last, long rows) {
    }

    private final ConcurrentHashMap<String, TableWrites> byTable = new ConcurrentHashMap<>();

    void record(String table, int rows, Instant at) {
        byTable.merge(table, new TableWrites(at, at, rows),
                (old, add) -> new TableWrites(old.first(), add.last(), old.rows() + add.rows()));
    }

    public Map<String, TableWrites> snapshot() {
        return new TreeMap<>(byTable);
    }

    void clear() {
        byTable.clear();
    }
}
