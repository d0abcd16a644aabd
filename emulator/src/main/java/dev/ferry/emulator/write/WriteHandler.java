package dev.ferry.emulator.write;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.emulator.EmulatorContext;
import dev.ferry.emulator.http.ApiRequest;
import dev.ferry.emulator.http.ApiResponse;
import dev.ferry.emulator.http.DataverseException;
import dev.ferry.emulator.http.ErrorCodes;
import dev.ferry.emulator.http.ResourcePath;
import dev.ferry.emulator.http.WebApi;
import dev.ferry.emulator.schema.Column;
import dev.ferry.emulator.schema.Table;
import dev.ferry.emulator.store.Row;
import dev.ferry.emulator.store.Transaction;
import java.io.IOException;
import java.util.UUID;

/**
 * Answers POST, PATCH, PUT and DELETE on an entity set: create, upsert, delete, single-property
 * writes, {@code $ref} association operations and the bulk actions. Every write of one request
 * happens inside the given transaction, so a failure leaves nothing behind.
 *
 * <p>Creates and upserts answer 204 with {@code OData-EntityId}, or the record itself with
 * {@code Prefer: return=representation} (see {@link Representation}).
 */
public final class WriteHandler {
    /** Header naming the URL of the record a write created or updated. */
    public static final String ENTITY_ID_HEADER = "OData-EntityId";
    private static final String REF = "$ref";
    private static final String ID_OPTION = "$id";
    private static final String VALUE = "value";
    private static final int METHOD_NOT_ALLOWED = 405;

    private final EmulatorContext context;
    private final ObjectMapper mapper = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final Records records;
    private final References references;
    private final BulkActions bulk;

    public WriteHandler(EmulatorContext context) {
        this.context = context;
        this.records = new Records(context);
        this.references = new References(context.schema(), records);
        this.bulk = new BulkActions(context.schema(), records, mapper);
    }

    public ApiResponse handle(ApiRequest request, ResourcePath path, Table table, Transaction tx) {
        ResourcePath.Segment entity = path.get(0);
        if (table.isIntersect()) {
            throw intersectIsReadOnly(request, table);
        }
        return switch (request.method()) {
            case "POST" -> post(request, path, table, entity, tx);
            case "PATCH" -> patch(request, path, table, entity, tx);
            case "PUT" -> put(request, path, table, entity, tx);
            case "DELETE" -> delete(request, path, table, entity, tx);
            default -> throw notAllowed(request, path);
        };
    }

    private ApiResponse post(ApiRequest request, ResourcePath path, Table table, ResourcePath.Segment entity,
            Transaction tx) {
        if (path.size() == 1 && !entity.hasKey()) {
            UUID id = records.create(tx, table, object(request), null);
            return entityResponse(request, table, id, true);
        }
        if (path.size() == 2 && !entity.hasKey() && BulkActions.isAction(path.get(1).name())) {
            return bulk.handle(request, table, path.get(1).name(), BulkActions.targets(json(request)), tx);
        }
        if (path.size() == 3 && entity.hasKey() && isRef(path, 2) && !path.get(1).hasKey()) {
            Row row = records.locator().require(table, entity.keyPredicate());
            references.add(tx, table, row, path.get(1).name(), json(request));
            return ApiResponse.noContent();
        }
        if (path.size() == 2 && entity.hasKey() && BulkActions.isAction(path.get(1).name())) {
            throw WebApi.notImplemented("the action '" + path.get(1).name() + "' bound to a single record");
        }
        throw notAllowed(request, path);
    }

    private ApiResponse patch(ApiRequest request, ResourcePath path, Table table, ResourcePath.Segment entity,
            Transaction tx) {
        if (path.size() != 1 || !entity.hasKey()) {
            throw notAllowed(request, path);
        }
        RowLocator.ResolvedKey key = records.locator().resolve(table, entity.keyPredicate());
        Records.Upserted result = records.upsert(tx, table, key, object(request), Preconditions.of(request));
        return entityResponse(request, table, result.id(), result.created());
    }

    private ApiResponse put(ApiRequest request, ResourcePath path, Table table, ResourcePath.Segment entity,
            Transaction tx) {
        if (!entity.hasKey() || path.size() < 2 || path.get(1).hasKey()) {
            if (path.size() == 1 && entity.hasKey()) {
                throw WebApi.notImplemented("PUT on a whole record (use PATCH to update it)");
            }
            throw notAllowed(request, path);
        }
        Row row = records.locator().require(table, entity.keyPredicate());
        String name = path.get(1).name();
        if (path.size() == 3 && isRef(path, 2)) {
            references.set(tx, table, row, name, json(request));
            return ApiResponse.noContent();
        }
        if (path.size() == 2) {
            JsonNode body = json(request);
            JsonNode value = body.get(VALUE);
            if (value == null) {
                throw WriteErrors.badPayload("A PUT of the property '" + name + "' needs a body like {\"value\": ...}.");
            }
            records.update(tx, table, row, singleProperty(table, name, value));
            return ApiResponse.noContent();
        }
        throw notAllowed(request, path);
    }

    private ApiResponse delete(ApiRequest request, ResourcePath path, Table table, ResourcePath.Segment entity,
            Transaction tx) {
        if (!entity.hasKey()) {
            throw notAllowed(request, path);
        }
        RowLocator.ResolvedKey key = records.locator().resolve(table, entity.keyPredicate());
        Row row = records.locator().require(table, key);
        if (path.size() == 1) {
            Preconditions preconditions = Preconditions.of(request);
            preconditions.check(table, key, row);
            records.delete(tx, table, row.id());
            return ApiResponse.noContent();
        }
        ResourcePath.Segment nav = path.get(1);
        if (path.size() == 3 && isRef(path, 2)) {
            if (nav.hasKey()) {
                references.remove(tx, table, row, nav.name(), nav.keyPredicate(), null);
            } else if (references.isCollection(table, nav.name())) {
                references.remove(tx, table, row, nav.name(), null, request.queryOption(ID_OPTION).orElse(null));
            } else {
                references.clear(tx, table, row, nav.name());
            }
            return ApiResponse.noContent();
        }
        if (path.size() == 2 && !nav.hasKey()) {
            records.update(tx, table, row, singleProperty(table, nav.name(), null));
            return ApiResponse.noContent();
        }
        throw notAllowed(request, path);
    }

    /** A payload setting one property, for {@code PUT .../{property}} and {@code DELETE .../{property}}. */
    private ObjectNode singleProperty(Table table, String property, JsonNode value) {
        Column column = table.columnByProperty(property).orElse(null);
        if (column == null) {
            if (references.isSingle(table, property) || references.isCollection(table, property)) {
                throw WriteErrors.badRequest("'" + property + "' is a navigation property: change it with '"
                        + property + "/$ref' or '" + property + "@odata.bind'.");
            }
            throw WriteErrors.segmentNotFound(property);
        }
        ObjectNode body = mapper.createObjectNode();
        body.set(property, value == null ? mapper.nullNode() : value);
        return body;
    }

    private ApiResponse entityResponse(ApiRequest request, Table table, UUID id, boolean created) {
        if (Representation.wanted(request)) {
            return Representation.of(request, context.store(), table, id, created);
        }
        return ApiResponse.noContent()
                .withHeader(ENTITY_ID_HEADER, request.serviceRoot() + table.entitySetName() + "(" + id + ")");
    }

    private static boolean isRef(ResourcePath path, int index) {
        return path.get(index).name().equals(REF) && !path.get(index).hasKey();
    }

    /** The body as a JSON object, or the 400 Dataverse answers for a payload it cannot read. */
    private ObjectNode object(ApiRequest request) {
        JsonNode node = json(request);
        if (!node.isObject()) {
            throw WriteErrors.badPayload("The payload must be a JSON object describing the record.");
        }
        return (ObjectNode) node;
    }

    private JsonNode json(ApiRequest request) {
        if (request.body().length == 0) {
            throw WriteErrors.badPayload("The request has no body: " + request.method() + " " + request.path()
                    + " needs a JSON payload.");
        }
        try {
            return mapper.readTree(request.body());
        } catch (JsonProcessingException e) {
            throw new DataverseException(WriteErrors.BAD_REQUEST, ErrorCodes.BAD_REQUEST,
                    "The payload is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new DataverseException(WriteErrors.BAD_REQUEST, ErrorCodes.BAD_REQUEST,
                    "The payload cannot be read: " + e.getMessage());
        }
    }

    /** Intersect rows follow the associations: Dataverse has no Create/Update/Delete message for them. */
    private static DataverseException intersectIsReadOnly(ApiRequest request, Table table) {
        String message = switch (request.method()) {
            case "POST" -> "Create";
            case "DELETE" -> "Delete";
            default -> "Update";
        };
        return new DataverseException(400, ErrorCodes.BAD_REQUEST, "The '" + message
                + "' method does not support entities of type '" + table.logicalName()
                + "'. Associate and disassociate records through the $ref of a many-to-many navigation property.");
    }

    private static DataverseException notAllowed(ApiRequest request, ResourcePath path) {
        return new DataverseException(METHOD_NOT_ALLOWED, ErrorCodes.BAD_REQUEST,
                "The HTTP method '" + request.method() + "' is not allowed on '" + path.shape() + "'.");
    }
}
