package dev.ferry.emulator.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.emulator.http.DataverseException;
import dev.ferry.emulator.http.ErrorCodes;
import dev.ferry.emulator.http.WebApi;
import dev.ferry.emulator.json.ValueCodec;
import dev.ferry.emulator.schema.Column;
import dev.ferry.emulator.schema.ManyToMany;
import dev.ferry.emulator.schema.Relationship;
import dev.ferry.emulator.schema.RequiredLevel;
import dev.ferry.emulator.schema.Schema;
import dev.ferry.emulator.schema.Table;
import dev.ferry.emulator.store.LookupValue;
import dev.ferry.emulator.store.Row;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Maps a JSON entity payload onto a table's columns, checking it the way Dataverse does: properties
 * by OData name, values through {@link ValueCodec}, lookups only through {@code nav@odata.bind}
 * (to rows that must exist), no writes to columns that are not valid for the operation.
 *
 * <p>Where Dataverse silently ignores a value for a column that is not valid for create or update
 * (createdon, modifiedon, versionnumber, fullname, ...), the emulator refuses it with a 400: a client
 * that sends such values believes it wrote them, and the emulator exists to catch that.
 */
final class RecordBinder {
    /** Whether the payload creates a row or updates one: decides which columns are writable. */
    enum Mode { CREATE, UPDATE }

    private static final String BIND = "odata.bind";
    private static final String ODATA_TYPE = "@odata.type";
    private static final String TYPE_PREFIX = "#";

    private final Schema schema;
    private final RowLocator locator;

    RecordBinder(Schema schema, RowLocator locator) {
        this.schema = schema;
        this.locator = locator;
    }

    /**
     * Reads {@code body} for {@code layout}'s table.
     *
     * @param existingId the id of the row an update writes to (null on create): a primary id in the
     *     payload must equal it
     */
    Changes bind(TableLayout layout, ObjectNode body, Mode mode, UUID existingId) {
        Table table = layout.table;
        Changes changes = new Changes(table.columnCount());
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.startsWith("@")) {
                if (name.equals(ODATA_TYPE)) {
                    checkType(table, value);
                }
                // Other instance annotations (@odata.etag, @odata.id, ...) carry nothing to store.
                continue;
            }
            int at = name.indexOf('@');
            if (at >= 0) {
                if (name.startsWith(BIND, at + 1) && name.length() == at + 1 + BIND.length()) {
                    bindNavigation(layout, changes, name.substring(0, at), value, mode);
                }
                // Property annotations (FormattedValue, lookuplogicalname, ...) are read-only decoration.
                continue;
            }
            Column column = table.columnByProperty(name).orElse(null);
            if (column == null) {
                navigationWithoutBind(layout, changes, name, value, mode);
            } else {
                assign(layout, changes, column, value, mode, existingId);
            }
        }
        return changes;
    }

    private void assign(TableLayout layout, Changes changes, Column column, JsonNode value, Mode mode,
            UUID existingId) {
        Table table = layout.table;
        if (column.type().isLookup()) {
            throw lookupValueWritten(layout, column);
        }
        int slot = table.indexOf(column);
        if (slot == layout.primaryId) {
            UUID id = (UUID) ValueCodec.fromJson(table, column, value);
            if (id == null) {
                throw WriteErrors.badPayload("The primary key '" + column.name() + "' of '"
                        + WriteErrors.entityType(table) + "' cannot be null.");
            }
            if (existingId != null && !existingId.equals(id)) {
                throw WriteErrors.badRequest("The payload's '" + column.name() + "' " + id
                        + " differs from the id of the record addressed, " + existingId + ".");
            }
            changes.id(id);
            return;
        }
        requireWritable(table, column, mode);
        Object v = ValueCodec.fromJson(table, column, value);
        if (v == null) {
            requireNullable(table, column);
        }
        changes.set(slot, v);
    }

    private void bindNavigation(TableLayout layout, Changes changes, String navigation, JsonNode value, Mode mode) {
        Table table = layout.table;
        List<Relationship> relationships = layout.navigation(navigation);
        if (relationships.isEmpty()) {
            ManyToMany nn = layout.manyToMany.get(navigation);
            if (nn != null) {
                bindCollection(layout, changes, nn, navigation, value);
                return;
            }
            if (layout.oneToMany.containsKey(navigation)) {
                throw WebApi.notImplemented("binding the one-to-many collection '" + navigation
                        + "@odata.bind' (set the lookup on the related records instead)");
            }
            throw WriteErrors.undeclaredNavigation(table, navigation);
        }
        Column column = table.column(relationships.get(0).referencingAttribute()).orElseThrow();
        requireWritable(table, column, mode);
        int slot = table.indexOf(column);
        String property = "'" + navigation + "@odata.bind'";
        if (value.isNull()) {
            requireNullable(table, column);
            if (changes.boundBy(slot) == null) {
                changes.set(slot, null);
            }
            return;
        }
        if (!value.isTextual()) {
            throw WriteErrors.badPayload("The value of " + property + " must be a string such as '/"
                    + entitySetOf(relationships.get(0)) + "(<id>)', not " + value + ".");
        }
        EntityReference ref = EntityReference.parse(schema, value.textValue(), property);
        String target = ref.table().logicalName();
        Relationship relationship = relationships.stream()
                .filter(r -> r.referencedTable().equals(target))
                .findFirst()
                .orElseThrow(() -> WriteErrors.badPayload("The navigation property '" + navigation + "' of '"
                        + WriteErrors.entityType(table) + "' refers to " + relationships.stream()
                                .map(this::entitySetOf).collect(Collectors.joining(" or "))
                        + " records; the bind '" + value.textValue() + "' names " + ref.table().entitySetName() + "."));
        String earlier = changes.boundBy(slot);
        if (earlier != null) {
            throw WriteErrors.badPayload("The payload binds the lookup '" + column.name() + "' twice, through '"
                    + earlier + "' and '" + navigation + "': a lookup holds one record.");
        }
        Row row = locator.require(ref.table(), ref.key());
        // The slot holds the target table too, so binding one target of a polymorphic lookup clears any other.
        changes.bind(slot, new LookupValue(relationship.referencedTable(), row.id()), navigation);
    }

    private void bindCollection(TableLayout layout, Changes changes, ManyToMany nn, String navigation,
            JsonNode value) {
        String property = "'" + navigation + "@odata.bind'";
        if (!value.isArray()) {
            throw WriteErrors.badPayload("The value of " + property + " must be an array of record references.");
        }
        String other = nn.otherSide(layout.table.logicalName());
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw WriteErrors.badPayload("Each value of " + property + " must be a record reference string.");
            }
            EntityReference ref = EntityReference.parse(schema, item.textValue(), property);
            if (!ref.table().logicalName().equals(other)) {
                throw WriteErrors.badPayload("The relationship '" + nn.schemaName() + "' links "
                        + layout.table.logicalName() + " to " + other + " records; the bind '" + item.textValue()
                        + "' names " + ref.table().entitySetName() + ".");
            }
            Row row = locator.require(ref.table(), ref.key());
            changes.associate(new Changes.Association(nn, other, row.id()));
        }
    }

    /** {@code "parentaccountid": null} clears a lookup, as Dataverse allows; a nested record would be a deep insert. */
    private void navigationWithoutBind(TableLayout layout, Changes changes, String name, JsonNode value, Mode mode) {
        Table table = layout.table;
        List<Relationship> relationships = layout.navigation(name);
        boolean collection = layout.manyToMany.containsKey(name) || layout.oneToMany.containsKey(name);
        if (relationships.isEmpty() && !collection) {
            throw WriteErrors.unknownProperty(table, name);
        }
        if (!relationships.isEmpty() && value.isNull()) {
            Column column = table.column(relationships.get(0).referencingAttribute()).orElseThrow();
            requireWritable(table, column, mode);
            requireNullable(table, column);
            int slot = table.indexOf(column);
            if (changes.boundBy(slot) == null) {
                changes.set(slot, null);
            }
            return;
        }
        throw WebApi.notImplemented("deep insert or update through the navigation property '" + name
                + "' (create the related record first and bind it with '" + name + "@odata.bind')");
    }

    private static void checkType(Table table, JsonNode value) {
        String expected = WriteErrors.entityType(table);
        String type = value.isTextual() ? value.textValue() : value.toString();
        if (type.startsWith(TYPE_PREFIX)) {
            type = type.substring(TYPE_PREFIX.length());
        }
        if (!type.equals(expected)) {
            throw WriteErrors.badPayload("The payload's @odata.type '" + type + "' is not the entity type of the"
                    + " entity set '" + table.entitySetName() + "', which is '" + expected + "'.");
        }
    }

    private static void requireWritable(Table table, Column column, Mode mode) {
        boolean valid = mode == Mode.CREATE ? column.validForCreate() : column.validForUpdate();
        if (!valid) {
            String op = mode == Mode.CREATE ? "create" : "update";
            String flag = mode == Mode.CREATE ? "IsValidForCreate" : "IsValidForUpdate";
            throw new DataverseException(WriteErrors.BAD_REQUEST, ErrorCodes.NOT_VALID_FOR_WRITE,
                    "The column '" + column.name() + "' of '" + WriteErrors.entityType(table) + "' is not valid for "
                            + op + " (" + flag + " is false): remove it from the payload. Dataverse would ignore"
                            + " the value; the Ferry emulator refuses it so that no client believes it wrote it.");
        }
    }

    private static void requireNullable(Table table, Column column) {
        if (column.requiredLevel() == RequiredLevel.SystemRequired) {
            throw Records.requiredMissing(table, column);
        }
    }

    private DataverseException lookupValueWritten(TableLayout layout, Column column) {
        String binds = layout.table.lookupRelationships().stream()
                .filter(r -> r.referencingAttribute().equals(column.name()))
                .map(r -> "'" + r.referencingNavigation() + "@odata.bind': '/" + entitySetOf(r) + "(<id>)'")
                .distinct()
                .collect(Collectors.joining(" or "));
        return WriteErrors.badPayload("The property '" + column.propertyName() + "' of '"
                + WriteErrors.entityType(layout.table) + "' is the read-only value of the lookup '" + column.name()
                + "': set the lookup with " + binds + " instead.");
    }

    private String entitySetOf(Relationship relationship) {
        return schema.table(relationship.referencedTable()).map(Table::entitySetName)
                .orElse(relationship.referencedTable());
    }
}
