package dev.ferry.emulator.store;

import dev.ferry.emulator.schema.ManyToMany;
import dev.ferry.emulator.schema.Schema;
import dev.ferry.emulator.schema.Table;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * In-memory storage of one emulated environment. Writes are serialised through
 * {@link #inTransaction}, which rolls back every change of a failed operation; reads are
 * lock-free and see each row either before or after a write.
 */
public final class Store {
    private final Schema schema;
    private final Map<String, TableStore> tables = new LinkedHashMap<>();
    private final Map<String, AssociationStore> associations = new LinkedHashMap<>();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final AtomicLong version = new AtomicLong(1_000_000L);
    private final WriteLog writeLog = new WriteLog();
    private final Clock clock;

    public Store(Schema schema, Clock clock) {
        this.schema = schema;
        this.clock = clock;
        for (Table t : schema.tables()) {
            tables.put(t.logicalName(), new TableStore(t));
        }
        for (ManyToMany m : schema.manyToMany()) {
            associations.put(m.schemaName(), new AssociationStore(m));
        }
    }

    public Schema schema() {
        return schema;
    }

    public Clock clock() {
        return clock;
    }

    public TableStore table(String logicalName) {
        TableStore ts = tables.get(logicalName);
        if (ts == null) {
            throw new IllegalArgumentException("no table " + logicalName + " in schema " + schema.name());
        }
        return ts;
    }

    public AssociationStore associations(String relationshipSchemaName) {
        AssociationStore as = associations.get(relationshipSchemaName);
        if (as == null) {
            throw new IllegalArgumentException("no many-to-many relationship " + relationshipSchemaName);
        }
        return as;
    }

    public List<AssociationStore> associationsOf(String table) {
        return associations.values().stream().filter(a -> a.relationship().involves(table)).toList();
    }

    /** The next row version, as Dataverse's versionnumber (also the row's etag). */
    public long nextVersion() {
        return version.incrementAndGet();
    }

    public WriteLog writeLog() {
        return writeLog;
    }

    /**
     * Runs {@code work} as one atomic transaction: when it throws, every change it made is undone
     * and the exception propagates.
     */
    public <T> T inTransaction(Function<Transaction, T> work) {
        writeLock.lock();
        try {
            Transaction tx = new Transaction(this);
            try {
                T result = work.apply(tx);
                var now = clock.instant();
                tx.writesByTable().forEach((table, rows) ->
                        writeLog.record(table, rows, tx.createsByTable().getOrDefault(table, 0), now));
                return result;
            } catch (RuntimeException | Error e) {
                tx.rollback();
                throw e;
            }
        } finally {
            writeLock.unlock();
        }
    }

    /** Empties every table, association and the write log. */
    public void reset() {
        writeLock.lock();
        try {
            tables.values().forEach(TableStore::clear);
            associations.values().forEach(AssociationStore::clear);
            writeLog.clear();
        } finally {
            writeLock.unlock();
        }
    }
}
