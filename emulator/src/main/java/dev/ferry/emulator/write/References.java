package dev.ferry.emulator.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.emulator.http.KeyPredicate;
import dev.ferry.emulator.schema.Column;
import dev.ferry.emulator.schema.ManyToMany;
import dev.ferry.emulator.schema.Relationship;
import dev.ferry.emulator.schema.RequiredLevel;
import dev.ferry.emulator.schema.Schema;
import dev.ferry.emulator.schema.Table;
import dev.ferry.emulator.store.LookupValue;
import dev.ferry.emulator.store.Row;
import dev.ferry.emulator.store.Transaction;
import java.util.List;
import java.util.UUID;

/**
 * The {@code $ref} operations: associate and disassociate through a collection-valued navigation
 * property (N:N, or 1:N seen from the referenced side), and set or clear a single-valued one.
 *
 * <p>As in Dataverse, associating an N:N pair that exists already fails (412, 0x80040237
 * "Cannot insert duplicate key."); removing a pair that does not exist succeeds and changes nothing.
 */
final class References {
    private static final String ODATA_ID = "@odata.id";

    private final Schema schema;
    private final Records records;

    References(Schema schema, Records records) {
        this.schema = schema;
        this.records = records;
    }

    /** {@code POST /{set}(id)/{collection-nav}/$ref} with {@code {"@odata.id": "..."}}. */
    void add(Transaction tx, Table table, Row row, String navigation, JsonNode body) {
        TableLayout layout = records.layout(table);
        EntityReference ref = EntityReference.parse(schema, odataId(body, navigation), "'" + ODATA_ID + "'");
        ManyToMany nn = layout.manyToMany.get(navigation);
        if (nn != null) {
            Row other = requireOtherSide(table, nn, ref);
            if (!tx.associate(nn.schemaName(), firstId(nn, table, row.id(), other.id()),
                    secondId(nn, table, row.id(), other.id()))) {
                throw WriteErrors.duplicateAssociation();
            }
            return;
        }
        Relationship oneToMany = layout.oneToMany.get(navigation);
        if (oneToMany != null) {
            Table referencing = referencingTable(oneToMany, ref);
            Row child = records.locator().require(referencing, ref.key());
            records.setColumn(tx, referencing, child, referencing.indexOf(oneToMany.referencingAttribute()),
                    new LookupValue(table.logicalName(), row.id()));
            return;
        }
        throw WriteErrors.segmentNotFound(navigation);
    }

    /**
     * {@code DELETE /{set}(id)/{nav}(otherid)/$ref} ({@code otherKey}) or
     * {@code DELETE /{set}(id)/{nav}/$ref?$id=<url>} ({@code idUrl}).
     */
    void remove(Transaction tx, Table table, Row row, String navigation, KeyPredicate otherKey, String idUrl) {
        TableLayout layout = records.layout(table);
        ManyToMany nn = layout.manyToMany.get(navigation);
        Relationship oneToMany = layout.oneToMany.get(navigation);
        if (nn == null && oneToMany == null) {
            throw WriteErrors.segmentNotFound(navigation);
        }
        String otherName = nn != null ? nn.otherSide(table.logicalName()) : oneToMany.referencingTable();
        Table otherTable = schema.table(otherName).orElseThrow();
        KeyPredicate key = otherKey;
        if (key == null) {
            if (idUrl == null) {
                throw WriteErrors.badRequest("Removing a reference from the collection '" + navigation + "' needs the"
                        + " record: use '" + navigation + "(<id>)/$ref' or '" + navigation + "/$ref?$id=<url>'.");
            }
            EntityReference ref = EntityReference.parse(schema, idUrl, "'$id'");
            requireTable(ref, otherTable, navigation);
            key = ref.key();
        }
        Row other = records.locator().require(otherTable, key);
        if (nn != null) {
            tx.disassociate(nn.schemaName(), firstId(nn, table, row.id(), other.id()),
                    secondId(nn, table, row.id(), other.id()));
            return;
        }
        int slot = otherTable.indexOf(oneToMany.referencingAttribute());
        Object current = other.get(slot);
        if (current instanceof LookupValue lv && lv.id().equals(row.id()) && lv.table().equals(table.logicalName())) {
            requireOptional(otherTable, otherTable.columns().get(slot));
            records.setColumn(tx, otherTable, other, slot, null);
        }
    }

    /** {@code PUT /{set}(id)/{single-nav}/$ref} with {@code {"@odata.id": "..."}}. */
    void set(Transaction tx, Table table, Row row, String navigation, JsonNode body) {
        List<Relationship> relationships = records.layout(table).navigation(navigation);
        if (relationships.isEmpty()) {
            throw WriteErrors.segmentNotFound(navigation);
        }
        EntityReference ref = EntityReference.parse(schema, odataId(body, navigation), "'" + ODATA_ID + "'");
        Relationship relationship = relationships.stream()
                .filter(r -> r.referencedTable().equals(ref.table().logicalName()))
                .findFirst()
                .orElseThrow(() -> WriteErrors.badPayload("The navigation property '" + navigation
                        + "' cannot refer to a record of " + ref.table().entitySetName() + "."));
        Row target = records.locator().require(ref.table(), ref.key());
        records.setColumn(tx, table, row, table.indexOf(relationship.referencingAttribute()),
                new LookupValue(relationship.referencedTable(), target.id()));
    }

    /** {@code DELETE /{set}(id)/{single-nav}/$ref}: empties the lookup. */
    void clear(Transaction tx, Table table, Row row, String navigation) {
        List<Relationship> relationships = records.layout(table).navigation(navigation);
        if (relationships.isEmpty()) {
            throw WriteErrors.segmentNotFound(navigation);
        }
        int slot = table.indexOf(relationships.get(0).referencingAttribute());
        requireOptional(table, table.columns().get(slot));
        records.setColumn(tx, table, row, slot, null);
    }

    boolean isCollection(Table table, String navigation) {
        TableLayout layout = records.layout(table);
        return layout.manyToMany.containsKey(navigation) || layout.oneToMany.containsKey(navigation);
    }

    boolean isSingle(Table table, String navigation) {
        return !records.layout(table).navigation(navigation).isEmpty();
    }

    private Row requireOtherSide(Table table, ManyToMany nn, EntityReference ref) {
        Table other = schema.table(nn.otherSide(table.logicalName())).orElseThrow();
        requireTable(ref, other, nn.schemaName());
        return records.locator().require(other, ref.key());
    }

    private Table referencingTable(Relationship relationship, EntityReference ref) {
        Table referencing = schema.table(relationship.referencingTable()).orElseThrow();
        requireTable(ref, referencing, relationship.schemaName());
        return referencing;
    }

    private static void requireTable(EntityReference ref, Table expected, String navigation) {
        if (ref.table() != expected) {
            throw WriteErrors.badRequest("The navigation property '" + navigation + "' holds "
                    + expected.entitySetName() + " records; the reference names " + ref.table().entitySetName() + ".");
        }
    }

    private static void requireOptional(Table table, Column column) {
        if (column.requiredLevel() == RequiredLevel.SystemRequired) {
            throw Records.requiredMissing(table, column);
        }
    }

    /** The id of the pair member on the relationship's table1 side (for a self-relationship: this row). */
    private static UUID firstId(ManyToMany nn, Table table, UUID self, UUID other) {
        return nn.table1().equals(table.logicalName()) ? self : other;
    }

    private static UUID secondId(ManyToMany nn, Table table, UUID self, UUID other) {
        return nn.table1().equals(table.logicalName()) ? other : self;
    }

    private static String odataId(JsonNode body, String navigation) {
        JsonNode id = body == null ? null : body.get(ODATA_ID);
        if (id == null || !id.isTextual()) {
            throw WriteErrors.badPayload("A $ref request for '" + navigation + "' needs a body like"
                    + " {\"@odata.id\": \"<entityset>(<id>)\"}.");
        }
        return id.textValue();
    }
}
