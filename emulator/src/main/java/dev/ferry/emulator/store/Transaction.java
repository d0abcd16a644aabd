package dev.ferry.emulator.store;

import dev.ferry.emulator.schema.ManyToMany;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;

/**
 * The writes of one operation, or of one {@code $batch} change set, made atomic: each change
 * records how to undo it, and {@link #rollback()} undoes them newest first. Only one
 * transaction runs at a time (the store serialises them).
 */
public final class Transaction {
    private final Store store;
    private final Deque<Runnable> undo = new ArrayDeque<>();
    private final java.util.Map<String, Integer> writesByTable = new java.util.HashMap<>();
    private final java.util.Map<String, Integer> createsByTable = new java.util.HashMap<>();

    Transaction(Store store) {
        this.store = store;
    }

    public Store store() {
        return store;
    }

    /** Inserts or replaces a row; returns the row it replaced, or null. */
    public Row put(String table, Row row) {
        TableStore ts = store.table(table);
        Row previous = ts.put(row);
        undo.push(() -> {
            if (previous == null) {
                ts.remove(row.id());
            } else {
                ts.put(previous);
            }
        });
        writesByTable.merge(table, 1, Integer::sum);
        if (previous == null) {
            createsByTable.merge(table, 1, Integer::sum);
        }
        return previous;
    }

    /** Deletes a row and its many-to-many associations; returns the deleted row, or null. */
    public Row remove(String table, UUID id) {
        TableStore ts = store.table(table);
        Row previous = ts.remove(id);
        if (previous == null) {
            return null;
        }
        undo.push(() -> ts.put(previous));
        for (AssociationStore as : store.associationsOf(table)) {
            for (UUID[] pair : as.removeAllOf(table, id)) {
                undo.push(() -> as.add(pair[0], pair[1]));
                removeIntersectRow(as.relationship(), pair[0], pair[1]);
            }
        }
        writesByTable.merge(table, 1, Integer::sum);
        return previous;
    }

    /** Adds an association; false when it already existed. */
    public boolean associate(String relationship, UUID first, UUID second) {
        AssociationStore as = store.associations(relationship);
        boolean added = as.add(first, second);
        ManyToMany m = as.relationship();
        if (added) {
            undo.push(() -> as.remove(first, second));
        }
        if (added && m.hasIntersectTable()) {
            put(m.intersectEntity(), IntersectRows.row(store.table(m.intersectEntity()).table(), m, first, second,
                    store.nextVersion()));
        }
        return added;
    }

    /** Removes an association; false when there was none. */
    public boolean disassociate(String relationship, UUID first, UUID second) {
        AssociationStore as = store.associations(relationship);
        boolean removed = as.remove(first, second);
        if (removed) {
            undo.push(() -> as.add(first, second));
            removeIntersectRow(as.relationship(), first, second);
        }
        return removed;
    }

    /** Removes the intersect row of one pair (undoably), keeping the intersect table in step. */
    private void removeIntersectRow(ManyToMany m, UUID first, UUID second) {
        if (!m.hasIntersectTable()) {
            return;
        }
        TableStore ts = store.table(m.intersectEntity());
        Row previous = ts.remove(IntersectRows.id(m, first, second));
        if (previous != null) {
            undo.push(() -> ts.put(previous));
            writesByTable.merge(m.intersectEntity(), 1, Integer::sum);
        }
    }

    void rollback() {
        while (!undo.isEmpty()) {
            undo.pop().run();
        }
        writesByTable.clear();
        createsByTable.clear();
    }

    java.util.Map<String, Integer> writesByTable() {
        return writesByTable;
    }

    /** Rows created, by table (a subset of {@link #writesByTable()}). */
    java.util.Map<String, Integer> createsByTable() {
        return createsByTable;
    }
}
