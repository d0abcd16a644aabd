package dev.ferry.emulator.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.emulator.http.ApiRequest;
import dev.ferry.emulator.http.ApiResponse;
import dev.ferry.emulator.http.DataverseException;
import dev.ferry.emulator.http.WebApi;
import dev.ferry.emulator.json.ValueCodec;
import dev.ferry.emulator.schema.Column;
import dev.ferry.emulator.schema.Schema;
import dev.ferry.emulator.schema.Table;
import dev.ferry.emulator.store.Row;
import dev.ferry.emulator.store.Transaction;
import java.util.UUID;

/**
 * The bulk actions bound to an entity set, {@code POST /{set}/Microsoft.Dynamics.CRM.<Action>} with
 * {@code {"Targets": [...]}}: CreateMultiple (200 with the new {@code Ids}), UpsertMultiple and
 * UpdateMultiple (204). Every item must carry the set's {@code @odata.type}. As on standard tables,
 * all items are written in one transaction: one bad item writes nothing, and the error names it.
 *
 * <p>An UpsertMultiple item names its row with {@code @odata.id} (primary or alternate key, e.g.
 * {@code accounts(accountnumber='A1')}) or with its primary id property; an item with neither is
 * created. Alternate key columns in the payload alone do not identify a row (as in Dataverse, where
 * they are just values, and a second write of them fails as a duplicate key).
 */
final class BulkActions {
    static final String NAMESPACE = "Microsoft.Dynamics.CRM.";
    static final String CREATE_MULTIPLE = "CreateMultiple";
    static final String UPSERT_MULTIPLE = "UpsertMultiple";
    static final String UPDATE_MULTIPLE = "UpdateMultiple";
    private static final String TARGETS = "Targets";
    private static final String ODATA_TYPE = "@odata.type";
    private static final String ODATA_ID = "@odata.id";

    private final Schema schema;
    private final Records records;
    private final ObjectMapper mapper;

    BulkActions(Schema schema, Records records, ObjectMapper mapper) {
        this.schema = schema;
        this.records = records;
        this.mapper = mapper;
    }

    static boolean isAction(String segment) {
        return segment.startsWith(NAMESPACE);
    }

    ApiResponse handle(ApiRequest request, Table table, String segment, ArrayNode targets, Transaction tx) {
        String action = segment.substring(NAMESPACE.length());
        return switch (action) {
            case CREATE_MULTIPLE -> createMultiple(request, table, targets, tx);
            case UPSERT_MULTIPLE -> {
                forEach(table, targets, (item, i) -> upsert(table, item, tx));
                yield ApiResponse.noContent();
            }
            case UPDATE_MULTIPLE -> {
                forEach(table, targets, (item, i) -> update(table, item, tx));
                yield ApiResponse.noContent();
            }
            default -> throw WebApi.notImplemented("the action '" + segment + "' bound to " + table.entitySetName());
        };
    }

    /** The {@code Targets} array of a bulk action body, or a 400. */
    static ArrayNode targets(JsonNode body) {
        JsonNode targets = body == null ? null : body.get(TARGETS);
        if (targets == null || !targets.isArray()) {
            throw WriteErrors.badPayload("A bulk action needs a body like {\"Targets\": [{\"@odata.type\":"
                    + " \"Microsoft.Dynamics.CRM.<table>\", ...}, ...]}.");
        }
        return (ArrayNode) targets;
    }

    private ApiResponse createMultiple(ApiRequest request, Table table, ArrayNode targets, Transaction tx) {
        ObjectNode response = mapper.createObjectNode();
        response.put("@odata.context", request.serviceRoot() + "$metadata#" + NAMESPACE + "CreateMultipleResponse");
        ArrayNode ids = response.putArray("Ids");
        forEach(table, targets, (item, i) -> ids.add(records.create(tx, table, item, null).toString()));
        return ApiResponse.json(200, response);
    }

    private void upsert(Table table, ObjectNode item, Transaction tx) {
        RowLocator.ResolvedKey key = keyOf(table, item);
        if (key == null) {
            records.create(tx, table, item, null);
        } else {
            records.upsert(tx, table, key, item, Preconditions.NONE);
        }
    }

    private void update(Table table, ObjectNode item, Transaction tx) {
        RowLocator.ResolvedKey key = keyOf(table, item);
        if (key == null) {
            throw WriteErrors.badPayload("An UpdateMultiple item must name its record with '" + table.primaryId()
                    + "' or '@odata.id'.");
        }
        Row row = records.locator().require(table, key);
        records.update(tx, table, row, item);
    }

    /** The key an item names through {@code @odata.id}, else its primary id property, else null. */
    private RowLocator.ResolvedKey keyOf(Table table, ObjectNode item) {
        JsonNode odataId = item.get(ODATA_ID);
        if (odataId != null && !odataId.isNull()) {
            EntityReference ref = EntityReference.parse(schema, odataId.asText(), "'" + ODATA_ID + "'");
            if (ref.table() != table) {
                throw WriteErrors.badPayload("The item's @odata.id '" + odataId.asText() + "' names a record of "
                        + ref.table().entitySetName() + ", not of " + table.entitySetName() + ".");
            }
            return records.locator().resolve(table, ref.key());
        }
        JsonNode id = item.get(table.primaryId());
        if (id == null || id.isNull()) {
            return null;
        }
        Column column = table.column(table.primaryId()).orElseThrow();
        UUID uuid = (UUID) ValueCodec.fromJson(table, column, id);
        return new RowLocator.ResolvedKey(uuid, null, null);
    }

    /** One item of Targets, with its index for error messages. */
    @FunctionalInterface
    private interface ItemWriter {
        void write(ObjectNode item, int index);
    }

    private static void forEach(Table table, ArrayNode targets, ItemWriter writer) {
        String expected = WriteErrors.entityType(table);
        for (int i = 0; i < targets.size(); i++) {
            JsonNode node = targets.get(i);
            if (!node.isObject()) {
                throw WriteErrors.badPayload("Targets[" + i + "] is not a record object.");
            }
            ObjectNode item = (ObjectNode) node;
            JsonNode type = item.get(ODATA_TYPE);
            if (type == null || !type.isTextual()) {
                throw WriteErrors.badPayload("Targets[" + i + "] has no '@odata.type': every item of Targets must"
                        + " name its entity type, here \"@odata.type\": \"" + expected + "\".");
            }
            try {
                writer.write(item, i);
            } catch (DataverseException e) {
                throw new DataverseException(e.status(), e.code(),
                        "Targets[" + i + "]" + describe(table, item) + ": " + e.getMessage());
            }
        }
    }

    private static String describe(Table table, ObjectNode item) {
        JsonNode odataId = item.get(ODATA_ID);
        if (odataId != null && odataId.isTextual()) {
            return " (" + odataId.textValue() + ")";
        }
        JsonNode id = item.get(table.primaryId());
        return id != null && id.isTextual() ? " (" + table.primaryId() + " " + id.textValue() + ")" : "";
    }
}
