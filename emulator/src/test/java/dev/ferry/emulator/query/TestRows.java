package dev.ferry.emulator.query;

import dev.ferry.emulator.Emulator;
import dev.ferry.emulator.schema.Column;
import dev.ferry.emulator.schema.Table;
import dev.ferry.emulator.store.LookupValue;
import dev.ferry.emulator.store.Row;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Puts rows straight into an emulator's store (not through the Web API), so that read tests do
 * not depend on writes. Values are given in stored form (see {@code Row}); createdon, modifiedon
 * and versionnumber are filled in as Dataverse would.
 */
final class TestRows {
    /** The creation time of every fixture row, so that dates in tests are predictable. */
    static final Instant CREATED = Instant.parse("2024-01-15T10:30:00Z");

    private final Emulator emulator;
    private final Random random;

    TestRows(Emulator emulator, long seed) {
        this.emulator = emulator;
        this.random = new Random(seed);
    }

    /** A new row of {@code table} to fill in. */
    Builder row(String table) {
        return new Builder(emulator.schema().table(table).orElseThrow(), new UUID(random.nextLong(), random.nextLong()));
    }

    /** Stores rows in one transaction. */
    void insertAll(String table, List<Row> rows) {
        emulator.store().inTransaction(tx -> {
            rows.forEach(r -> tx.put(table, r));
            return null;
        });
    }

    void delete(String table, UUID id) {
        emulator.store().inTransaction(tx -> tx.remove(table, id));
    }

    /** Replaces one column of a stored row (as an update would), e.g. to close a lookup cycle. */
    void update(String table, UUID id, String column, Object value) {
        Table t = emulator.schema().table(table).orElseThrow();
        emulator.store().inTransaction(tx -> {
            Object[] values = emulator.store().table(table).get(id).orElseThrow().copyValues();
            values[t.indexOf(column)] = value;
            values[t.indexOf("versionnumber")] = emulator.store().nextVersion();
            return tx.put(table, new Row(id, values));
        });
    }

    void associate(String relationship, UUID first, UUID second) {
        emulator.store().inTransaction(tx -> tx.associate(relationship, first, second));
    }

    /** Generates {@code n} accounts named "Account 00000", ... and stores them; returns their ids in insertion order. */
    List<UUID> accounts(int n) {
        List<Row> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(row("account").set("name", String.format("Account %05d", i)).set("numberofemployees", i).build());
        }
        insertAll("account", rows);
        return rows.stream().map(Row::id).toList();
    }

    /** Fills the slots of one row. */
    final class Builder {
        private final Table table;
        private final Object[] values;
        private UUID id;

        Builder(Table table, UUID id) {
            this.table = table;
            this.id = id;
            this.values = new Object[table.columnCount()];
            values[table.primaryIdIndex()] = id;
            values[table.indexOf("createdon")] = CREATED;
            values[table.indexOf("modifiedon")] = CREATED;
            if (table.indexOf("statecode") >= 0) {
                values[table.indexOf("statecode")] = 0;
                values[table.indexOf("statuscode")] = 1;
            }
        }

        Builder id(UUID newId) {
            this.id = newId;
            values[table.primaryIdIndex()] = newId;
            return this;
        }

        Builder set(String column, Object value) {
            int slot = table.indexOf(column);
            if (slot < 0) {
                throw new IllegalArgumentException("table " + table.logicalName() + " has no column " + column);
            }
            Column c = table.columns().get(slot);
            if (c.type().isLookup() && value != null && !(value instanceof LookupValue)) {
                throw new IllegalArgumentException("use lookup(...) for " + column);
            }
            values[slot] = value;
            return this;
        }

        Builder lookup(String column, String targetTable, UUID target) {
            return set(column, new LookupValue(targetTable, target));
        }

        Row build() {
            values[table.indexOf("versionnumber")] = emulator.store().nextVersion();
            return new Row(id, values.clone());
        }

        /** Builds and stores the row; returns its id. */
        UUID insert() {
            Row row = build();
            emulator.store().inTransaction(tx -> tx.put(table.logicalName(), row));
            return row.id();
        }
    }
}
