package dev.ferry.emulator.write;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.emulator.EmulatorContext;
import dev.ferry.emulator.http.DataverseException;
import dev.ferry.emulator.http.ErrorCodes;
import dev.ferry.emulator.schema.AlternateKey;
import dev.ferry.emulator.schema.Column;
import dev.ferry.emulator.schema.ManyToMany;
import dev.ferry.emulator.schema.Table;
import dev.ferry.emulator.store.Row;
import dev.ferry.emulator.store.TableStore;
import dev.ferry.emulator.store.Transaction;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates, updates, upserts and deletes rows inside a transaction, as Dataverse does: payloads
 * bound by {@link RecordBinder}, then the platform's own columns set (createdon on create;
 * modifiedon and a new versionnumber on every write; statecode 0 and statuscode 1 by default;
 * computed columns), required columns and alternate key uniqueness checked.
 *
 * <p>ownerid stays empty unless the payload binds it: Dataverse defaults it to the calling user,
 * whom the emulator does not model.
 */
final class Records {
    /** The outcome of an upsert: the row's id and whether it was created. */
    record Upserted(UUID id, boolean created) {
    }

    private final EmulatorContext context;
    private final RowLocator locator;
    private final RecordBinder binder;
    private final Map<Table, TableLayout> layouts = new ConcurrentHashMap<>();

    Records(EmulatorContext context) {
        this.context = context;
        this.locator = new RowLocator(context.store());
        this.binder = new RecordBinder(context.schema(), locator);
    }

    RowLocator locator() {
        return locator;
    }

    TableLayout layout(Table table) {
        return layouts.computeIfAbsent(table, t -> TableLayout.of(context.schema(), t));
    }

    /** Creates a row from a payload; the id is the payload's primary id, else {@code id}, else a new one. */
    UUID create(Transaction tx, Table table, ObjectNode body, UUID id) {
        TableLayout layout = layout(table);
        Changes changes = binder.bind(layout, body, RecordBinder.Mode.CREATE, null);
        UUID newId = chooseId(changes.id(), id);
        if (store(table).get(newId).isPresent()) {
            throw WriteErrors.recordExists();
        }
        insert(tx, layout, newId, changes);
        return newId;
    }

    /**
     * Creates or updates the row a key names, as {@code PATCH} does. A row created through an
     * alternate key gets the key's values.
     */
    Upserted upsert(Transaction tx, Table table, RowLocator.ResolvedKey key, ObjectNode body,
            Preconditions preconditions) {
        TableLayout layout = layout(table);
        Optional<Row> existing = locator.find(table, key);
        preconditions.check(table, key, existing.orElse(null));
        if (existing.isPresent()) {
            Row row = existing.get();
            Changes changes = binder.bind(layout, body, RecordBinder.Mode.UPDATE, row.id());
            update(tx, layout, row, changes);
            return new Upserted(row.id(), false);
        }
        Changes changes = binder.bind(layout, body, RecordBinder.Mode.CREATE, key.isPrimary() ? key.id() : null);
        if (!key.isPrimary()) {
            assignKeyValues(layout, changes, key);
        }
        UUID newId = chooseId(changes.id(), key.id());
        if (store(table).get(newId).isPresent()) {
            throw WriteErrors.recordExists();
        }
        insert(tx, layout, newId, changes);
        return new Upserted(newId, true);
    }

    /** Updates an existing row with a payload (the row is known to exist). */
    void update(Transaction tx, Table table, Row row, ObjectNode body) {
        TableLayout layout = layout(table);
        update(tx, layout, row, binder.bind(layout, body, RecordBinder.Mode.UPDATE, row.id()));
    }

    /** Writes new values for some columns of a row, as a PATCH would. */
    void update(Transaction tx, TableLayout layout, Row row, Changes changes) {
        Object[] values = row.copyValues();
        changes.applyTo(values);
        stamp(layout, values, false);
        Row updated = new Row(row.id(), values);
        checkKeys(layout, updated);
        tx.put(layout.table.logicalName(), updated);
        associate(tx, layout, row.id(), changes);
        context.counters().recordsWritten(1);
    }

    /** Deletes a row (and, through the transaction, its N:N associations). */
    void delete(Transaction tx, Table table, UUID id) {
        tx.remove(table.logicalName(), id);
        context.counters().recordsWritten(1);
    }

    /** Sets one lookup (or any single column) of an existing row to a stored value. */
    void setColumn(Transaction tx, Table table, Row row, int slot, Object value) {
        TableLayout layout = layout(table);
        Changes changes = new Changes(table.columnCount());
        changes.set(slot, value);
        update(tx, layout, row, changes);
    }

    private void insert(Transaction tx, TableLayout layout, UUID id, Changes changes) {
        Table table = layout.table;
        Object[] values = new Object[table.columnCount()];
        changes.applyTo(values);
        values[layout.primaryId] = id;
        if (layout.stateCode >= 0 && values[layout.stateCode] == null) {
            values[layout.stateCode] = TableLayout.DEFAULT_STATE;
        }
        if (layout.statusCode >= 0 && values[layout.statusCode] == null
                && (layout.stateCode < 0 || Integer.valueOf(TableLayout.DEFAULT_STATE).equals(values[layout.stateCode]))) {
            values[layout.statusCode] = TableLayout.DEFAULT_STATUS;
        }
        stamp(layout, values, true);
        for (Column c : layout.systemRequired) {
            if (values[table.indexOf(c)] == null) {
                throw requiredMissing(table, c);
            }
        }
        Row row = new Row(id, values);
        checkKeys(layout, row);
        tx.put(table.logicalName(), row);
        associate(tx, layout, id, changes);
        context.counters().recordsWritten(1);
    }

    /** The platform's columns of every write: times to the second, as Dataverse keeps them, and a new version. */
    private void stamp(TableLayout layout, Object[] values, boolean created) {
        Instant now = context.store().clock().instant().truncatedTo(ChronoUnit.SECONDS);
        if (created && layout.createdOn >= 0) {
            values[layout.createdOn] = now;
        }
        if (layout.modifiedOn >= 0) {
            values[layout.modifiedOn] = now;
        }
        if (layout.versionNumber >= 0) {
            values[layout.versionNumber] = context.store().nextVersion();
        }
        layout.computed.apply(values);
    }

    private void checkKeys(TableLayout layout, Row row) {
        TableStore ts = store(layout.table);
        for (AlternateKey key : layout.table.alternateKeys()) {
            List<Object> values = ts.keyValues(key, row);
            if (values == null) {
                continue;
            }
            Optional<UUID> owner = ts.keyOwner(key, values);
            if (owner.isPresent() && !owner.get().equals(row.id())) {
                throw WriteErrors.duplicateKey(layout.table, key);
            }
        }
    }

    private void associate(Transaction tx, TableLayout layout, UUID id, Changes changes) {
        for (Changes.Association a : changes.associations()) {
            ManyToMany nn = a.relationship();
            boolean thisFirst = nn.table1().equals(layout.table.logicalName());
            UUID first = thisFirst ? id : a.otherId();
            UUID second = thisFirst ? a.otherId() : id;
            if (!tx.associate(nn.schemaName(), first, second)) {
                throw WriteErrors.duplicateAssociation();
            }
        }
    }

    private static void assignKeyValues(TableLayout layout, Changes changes, RowLocator.ResolvedKey key) {
        Table table = layout.table;
        for (int i = 0; i < key.key().columns().size(); i++) {
            int slot = table.indexOf(key.key().columns().get(i));
            Object fromUrl = key.values().get(i);
            if (changes.isAssigned(slot) && !fromUrl.equals(changes.get(slot))) {
                throw WriteErrors.badRequest("The payload sets the key column '" + key.key().columns().get(i)
                        + "' to a value other than the one in the URL.");
            }
            changes.set(slot, fromUrl);
        }
    }

    private static UUID chooseId(UUID fromPayload, UUID fromUrl) {
        if (fromPayload != null && fromUrl != null && !fromPayload.equals(fromUrl)) {
            throw WriteErrors.badRequest("The payload's primary id " + fromPayload
                    + " differs from the id in the URL, " + fromUrl + ".");
        }
        return fromPayload != null ? fromPayload : fromUrl != null ? fromUrl : UUID.randomUUID();
    }

    private TableStore store(Table table) {
        return context.store().table(table.logicalName());
    }

    static DataverseException requiredMissing(Table table, Column column) {
        return new DataverseException(WriteErrors.BAD_REQUEST, ErrorCodes.REQUIRED_MISSING,
                "A value for the column '" + column.name() + "' of '" + WriteErrors.entityType(table)
                        + "' is required: its RequiredLevel is SystemRequired, which Dataverse enforces.");
    }
}
