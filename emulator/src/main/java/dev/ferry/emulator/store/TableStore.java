package dev.ferry.emulator.store;

import dev.ferry.emulator.schema.AlternateKey;
import dev.ferry.emulator.schema.Table;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The rows of one table, ordered by id, with an index per alternate key. Reads are lock-free;
 * writes go through a {@link Transaction}, which the store serialises.
 */
public final class TableStore {
    private final Table table;
    private final ConcurrentSkipListMap<UUID, Row> rows = new ConcurrentSkipListMap<>(Ids.ORDER);
    private final Map<String, ConcurrentHashMap<List<Object>, UUID>> keyIndexes = new HashMap<>();

    TableStore(Table table) {
        this.table = table;
        for (AlternateKey k : table.alternateKeys()) {
            keyIndexes.put(k.name(), new ConcurrentHashMap<>());
        }
    }

    public Table table() {
        return table;
    }

    public Optional<Row> get(UUID id) {
        return Optional.ofNullable(rows.get(id));
    }

    /** The row whose alternate key columns hold {@code values} (in the key's column order). */
    public Optional<Row> getByKey(String keyName, List<Object> values) {
        ConcurrentHashMap<List<Object>, UUID> index = keyIndexes.get(keyName);
        if (index == null) {
            throw new IllegalArgumentException("table " + table.logicalName() + " has no alternate key " + keyName);
        }
        UUID id = index.get(values);
        return id == null ? Optional.empty() : get(id);
    }

    /** The id of the row other than {@code self} that already holds these key values, if any. */
    public Optional<UUID> keyOwner(AlternateKey key, List<Object> values) {
        return Optional.ofNullable(keyIndexes.get(key.name()).get(values));
    }

    public int size() {
        return rows.size();
    }

    /** All rows in id order; a live view that tolerates concurrent writes. */
    public Collection<Row> rows() {
        return rows.values();
    }

    /** Rows with an id after {@code afterId} (all rows when null), in id order: keyset paging. */
    public NavigableMap<UUID, Row> rowsAfter(UUID afterId) {
        return afterId == null ? rows : rows.tailMap(afterId, false);
    }

    /** Stores a row and maintains the key indexes; returns the row it replaced. Only a transaction calls this. */
    Row put(Row row) {
        Row previous = rows.put(row.id(), row);
        if (previous != null) {
            unindex(previous);
        }
        index(row);
        return previous;
    }

    Row remove(UUID id) {
        Row previous = rows.remove(id);
        if (previous != null) {
            unindex(previous);
        }
        return previous;
    }

    void clear() {
        rows.clear();
        keyIndexes.values().forEach(Map::clear);
    }

    /** The values of a key's columns in a row; null when any of them is empty (such rows are not indexed). */
    public List<Object> keyValues(AlternateKey key, Row row) {
        Object[] values = new Object[key.columns().size()];
        for (int i = 0; i < values.length; i++) {
            Object v = row.get(table.indexOf(key.columns().get(i)));
            if (v == null) {
                return null;
            }
            values[i] = v;
        }
        return List.of(values);
    }

    private void index(Row row) {
        for (AlternateKey k : table.alternateKeys()) {
            List<Object> values = keyValues(k, row);
            if (values != null) {
                keyIndexes.get(k.name()).put(values, row.id());
            }
        }
    }

    private void unindex(Row row) {
        for (AlternateKey k : table.alternateKeys()) {
            List<Object> values = keyValues(k, row);
            if (values != null) {
                keyIndexes.get(k.name()).remove(values, row.id());
            }
        }
    }
}
