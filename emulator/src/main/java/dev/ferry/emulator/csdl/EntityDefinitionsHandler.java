package dev.ferry.emulator.csdl;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.emulator.EmulatorContext;
import dev.ferry.emulator.http.ApiRequest;
import dev.ferry.emulator.http.ApiResponse;
import dev.ferry.emulator.http.DataverseException;
import dev.ferry.emulator.http.ErrorCodes;
import dev.ferry.emulator.http.KeyPredicate;
import dev.ferry.emulator.http.ResourcePath;
import dev.ferry.emulator.http.ResourcePath.Segment;
import dev.ferry.emulator.http.WebApi;
import dev.ferry.emulator.schema.Column;
import dev.ferry.emulator.schema.ManyToMany;
import dev.ferry.emulator.schema.Relationship;
import dev.ferry.emulator.schema.Schema;
import dev.ferry.emulator.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Serves the metadata entity sets: {@code EntityDefinitions} (by LogicalName or MetadataId, with
 * {@code $select}, {@code $filter} and {@code $expand} of Attributes, the three relationship
 * collections and Keys; the same collections as path segments, Attributes also cast to a derived
 * type) and {@code RelationshipDefinitions} (by SchemaName or MetadataId, cast to one-to-many or
 * many-to-many). GlobalOptionSetDefinitions and deeper paths answer 501.
 */
public final class EntityDefinitionsHandler {
    static final String ENTITY_DEFINITIONS = "EntityDefinitions";
    static final String RELATIONSHIP_DEFINITIONS = "RelationshipDefinitions";
    static final String ATTRIBUTES = "Attributes";
    static final String MANY_TO_ONE = "ManyToOneRelationships";
    static final String ONE_TO_MANY = "OneToManyRelationships";
    static final String MANY_TO_MANY = "ManyToManyRelationships";
    static final String KEYS = "Keys";
    static final String OPTION_SET = "OptionSet";
    private static final Set<String> ENTITY_NAVIGATIONS = Set.of(ATTRIBUTES, MANY_TO_ONE, ONE_TO_MANY, MANY_TO_MANY,
            KEYS);
    private static final Set<String> ATTRIBUTE_NAVIGATIONS = Set.of(OPTION_SET);
    private static final String ENTITY_TYPE = "EntityMetadata";
    private static final String ATTRIBUTE_TYPE = "AttributeMetadata";
    private static final String EMPTY_ID = new UUID(0, 0).toString();
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final EmulatorContext context;
    private final DefinitionJson json;

    public EntityDefinitionsHandler(EmulatorContext context) {
        this.context = context;
        this.json = new DefinitionJson(context.schema());
    }

    public ApiResponse handle(ApiRequest request, ResourcePath path) {
        String set = path.get(0).name();
        return switch (set) {
            case ENTITY_DEFINITIONS -> entityDefinitions(request, path);
            case RELATIONSHIP_DEFINITIONS -> relationshipDefinitions(request, path);
            default -> throw WebApi.notImplemented(set);
        };
    }

    private Schema schema() {
        return context.schema();
    }

    private ApiResponse entityDefinitions(ApiRequest request, ResourcePath path) {
        String metadata = request.serviceRoot() + "$metadata#";
        Segment first = path.get(0);
        if (path.size() == 1) {
            MetadataQuery q = MetadataQuery.of(request.query(), ENTITY_DEFINITIONS)
                    .requireExpandable(ENTITY_NAVIGATIONS, ENTITY_TYPE);
            if (first.hasKey()) {
                ObjectNode entity = entity(table(first), q);
                return answer(metadata + ENTITY_DEFINITIONS + q.contextSuffix() + "/$entity", entity);
            }
            ArrayNode value = JSON.arrayNode();
            for (Table t : schema().tables()) {
                if (q.filter().accepts(json.entity(t))) {
                    value.add(entity(t, q));
                }
            }
            return answerCollection(metadata + ENTITY_DEFINITIONS + q.contextSuffix(), value);
        }
        if (!first.hasKey()) {
            throw WebApi.notImplemented(path.shape() + " (address one entity definition: "
                    + "EntityDefinitions(LogicalName='account')/" + path.get(1).name() + ")");
        }
        Table t = table(first);
        Segment nav = path.get(1);
        String base = metadata + ENTITY_DEFINITIONS + "('" + t.logicalName() + "')/" + nav.name();
        if (nav.name().equals(ATTRIBUTES)) {
            return attributes(request, path, t, base);
        }
        if (!ENTITY_NAVIGATIONS.contains(nav.name())) {
            throw new DataverseException(400, ErrorCodes.BAD_REQUEST, "Could not find a property named '" + nav.name()
                    + "' on type '" + DataverseCsdl.NAMESPACE + "." + ENTITY_TYPE + "'.");
        }
        if (path.size() > 2) {
            throw WebApi.notImplemented(path.shape());
        }
        MetadataQuery q = MetadataQuery.of(request.query(), nav.name()).requireExpandable(Set.of(), nav.name());
        if (!nav.hasKey()) {
            return answerCollection(base + q.contextSuffix(), navigation(t, nav.name(), q));
        }
        ObjectNode item = single(definitions(t, nav.name()), nav.keyPredicate(),
                nav.name().equals(KEYS) ? "LogicalName" : "SchemaName",
                () -> "Could not find a " + nav.name() + " item " + nav.key() + " of entity " + t.logicalName());
        return answer(base + q.contextSuffix() + "/$entity", q.project(item, nav.name()));
    }

    private ApiResponse attributes(ApiRequest request, ResourcePath path, Table t, String base) {
        Segment nav = path.get(1);
        String cast = null;
        if (path.size() == 3 && path.get(2).name().startsWith(DataverseCsdl.NAMESPACE + ".") && !path.get(2).hasKey()) {
            cast = path.get(2).name().substring(DataverseCsdl.NAMESPACE.length() + 1);
        } else if (path.size() > 2) {
            throw WebApi.notImplemented(path.shape());
        }
        MetadataQuery q = MetadataQuery.of(request.query(), ATTRIBUTES)
                .requireExpandable(ATTRIBUTE_NAVIGATIONS, cast == null ? ATTRIBUTE_TYPE : cast);
        String context = base + (cast == null ? "" : "/" + DataverseCsdl.NAMESPACE + "." + cast) + q.contextSuffix();
        if (nav.hasKey()) {
            Column c = column(t, nav.keyPredicate());
            if (cast != null && !DefinitionJson.attributeMetadataType(c.type()).equals(cast)) {
                throw new DataverseException(404, ErrorCodes.OBJECT_DOES_NOT_EXIST, "The attribute " + c.name()
                        + " of entity " + t.logicalName() + " is no " + cast + ".");
            }
            return answer(context + "/$entity", attribute(t, c, q));
        }
        ArrayNode value = JSON.arrayNode();
        for (Column c : t.columns()) {
            if (cast == null || DefinitionJson.attributeMetadataType(c.type()).equals(cast)) {
                ObjectNode a = attributeIfAccepted(t, c, q);
                if (a != null) {
                    value.add(a);
                }
            }
        }
        return answerCollection(context, value);
    }

    private ObjectNode entity(Table t, MetadataQuery q) {
        ObjectNode n = q.project(json.entity(t), ENTITY_TYPE);
        q.expand().forEach((name, nested) -> {
            nested.requireExpandable(ATTRIBUTES.equals(name) ? ATTRIBUTE_NAVIGATIONS : Set.of(), name);
            n.set(name, navigation(t, name, nested));
        });
        return n;
    }

    /** The items of one collection-valued navigation property of an entity definition, filtered and projected. */
    private ArrayNode navigation(Table t, String name, MetadataQuery q) {
        ArrayNode items = JSON.arrayNode();
        if (name.equals(ATTRIBUTES)) {
            for (Column c : t.columns()) {
                ObjectNode a = attributeIfAccepted(t, c, q);
                if (a != null) {
                    items.add(a);
                }
            }
            return items;
        }
        for (ObjectNode item : definitions(t, name)) {
            addIfAccepted(items, item, q, name);
        }
        return items;
    }

    /** The unprojected items of a relationship or key collection of an entity definition. */
    private List<ObjectNode> definitions(Table t, String name) {
        List<ObjectNode> items = new ArrayList<>();
        switch (name) {
            case MANY_TO_ONE -> t.lookupRelationships().forEach(r -> items.add(json.oneToMany(r)));
            case ONE_TO_MANY -> schema().relationshipsReferencing(t.logicalName())
                    .forEach(r -> items.add(json.oneToMany(r)));
            case MANY_TO_MANY -> schema().manyToManyOf(t.logicalName()).forEach(m -> items.add(json.manyToMany(m)));
            case KEYS -> t.alternateKeys().forEach(k -> items.add(json.key(t, k)));
            default -> throw WebApi.notImplemented(ENTITY_DEFINITIONS + "/" + name);
        }
        return items;
    }

    private static void addIfAccepted(ArrayNode items, ObjectNode node, MetadataQuery q, String type) {
        if (q.filter().accepts(node)) {
            items.add(q.project(node, type));
        }
    }

    private ObjectNode attributeIfAccepted(Table t, Column c, MetadataQuery q) {
        ObjectNode full = json.attribute(t, c);
        return q.filter().accepts(full) ? expandAttribute(t, c, q, projectAttribute(full, q)) : null;
    }

    private ObjectNode attribute(Table t, Column c, MetadataQuery q) {
        return expandAttribute(t, c, q, projectAttribute(json.attribute(t, c), q));
    }

    private static ObjectNode projectAttribute(ObjectNode attribute, MetadataQuery q) {
        return q.project(attribute, ATTRIBUTE_TYPE, DefinitionJson.DERIVED_ATTRIBUTE_PROPERTIES);
    }

    private ObjectNode expandAttribute(Table t, Column c, MetadataQuery q, ObjectNode node) {
        if (q.expand().containsKey(OPTION_SET)) {
            node.set(OPTION_SET, json.optionSet(t, c));
        }
        return node;
    }

    private ApiResponse relationshipDefinitions(ApiRequest request, ResourcePath path) {
        String metadata = request.serviceRoot() + "$metadata#" + RELATIONSHIP_DEFINITIONS;
        Segment first = path.get(0);
        String cast = null;
        if (path.size() == 2 && path.get(1).name().startsWith(DataverseCsdl.NAMESPACE + ".") && !path.get(1).hasKey()) {
            cast = path.get(1).name().substring(DataverseCsdl.NAMESPACE.length() + 1);
            if (!cast.equals(DefinitionJson.ONE_TO_MANY_TYPE) && !cast.equals(DefinitionJson.MANY_TO_MANY_TYPE)) {
                throw WebApi.notImplemented(RELATIONSHIP_DEFINITIONS + " cast to " + cast);
            }
        } else if (path.size() > 1) {
            throw WebApi.notImplemented(path.shape());
        }
        MetadataQuery q = MetadataQuery.of(request.query(), RELATIONSHIP_DEFINITIONS)
                .requireExpandable(Set.of(), RELATIONSHIP_DEFINITIONS);
        List<ObjectNode> all = new ArrayList<>();
        boolean typed = cast == null;
        if (cast == null || cast.equals(DefinitionJson.ONE_TO_MANY_TYPE)) {
            for (Table t : schema().tables()) {
                for (Relationship r : t.lookupRelationships()) {
                    all.add(typed(json.oneToMany(r), DefinitionJson.ONE_TO_MANY_TYPE, typed));
                }
            }
        }
        if (cast == null || cast.equals(DefinitionJson.MANY_TO_MANY_TYPE)) {
            for (ManyToMany m : schema().manyToMany()) {
                all.add(typed(json.manyToMany(m), DefinitionJson.MANY_TO_MANY_TYPE, typed));
            }
        }
        String context = metadata + (cast == null ? "" : "/" + DataverseCsdl.NAMESPACE + "." + cast)
                + q.contextSuffix();
        if (first.hasKey()) {
            ObjectNode item = single(all, first.keyPredicate(), "SchemaName",
                    () -> "Could not find a relationship with name " + first.key());
            return answer(context + "/$entity", q.project(item, RELATIONSHIP_DEFINITIONS));
        }
        ArrayNode items = JSON.arrayNode();
        all.forEach(item -> addIfAccepted(items, item, q, RELATIONSHIP_DEFINITIONS));
        return answerCollection(context, items);
    }

    /** Puts {@code @odata.type} first, as Dataverse does when a collection mixes derived types. */
    private static ObjectNode typed(ObjectNode node, String type, boolean typed) {
        if (!typed) {
            return node;
        }
        ObjectNode n = JSON.objectNode();
        n.put("@odata.type", DefinitionJson.TYPE_PREFIX + type);
        n.setAll(node);
        return n;
    }

    /** The item of a collection addressed by MetadataId or by one named key property. */
    private static ObjectNode single(List<ObjectNode> items, KeyPredicate key, String keyProperty,
            java.util.function.Supplier<String> notFound) {
        String property = key.isPrimary() ? "MetadataId" : onlyKey(key, keyProperty);
        String wanted = key.isPrimary() ? key.id().toString() : key.named().get(property);
        for (ObjectNode item : items) {
            if (item.path(property).asText().equals(wanted)) {
                return item;
            }
        }
        throw new DataverseException(404, ErrorCodes.OBJECT_DOES_NOT_EXIST, notFound.get());
    }

    private static String onlyKey(KeyPredicate key, String property) {
        if (key.named().size() != 1 || !key.named().containsKey(property)) {
            throw new DataverseException(400, ErrorCodes.BAD_REQUEST, "Bad Request - Error in query syntax: the key "
                    + key.named().keySet() + " names no key property; use the MetadataId or " + property + ".");
        }
        return property;
    }

    private Table table(Segment segment) {
        KeyPredicate key = segment.keyPredicate();
        if (key.isPrimary()) {
            for (Table t : schema().tables()) {
                if (MetadataIds.entity(t.logicalName()).equals(key.id())) {
                    return t;
                }
            }
            throw new DataverseException(404, ErrorCodes.OBJECT_DOES_NOT_EXIST,
                    "Could not find an entity with id " + key.id());
        }
        String name = key.named().get(onlyKey(key, "LogicalName"));
        return schema().table(name).orElseThrow(() -> new DataverseException(404, ErrorCodes.OBJECT_DOES_NOT_EXIST,
                "Could not find an entity with name " + name + " and id " + EMPTY_ID));
    }

    private static Column column(Table t, KeyPredicate key) {
        if (key.isPrimary()) {
            for (Column c : t.columns()) {
                if (MetadataIds.attribute(t.logicalName(), c.name()).equals(key.id())) {
                    return c;
                }
            }
            throw new DataverseException(404, ErrorCodes.OBJECT_DOES_NOT_EXIST,
                    "Could not find an attribute with id " + key.id() + " on entity " + t.logicalName());
        }
        String name = key.named().get(onlyKey(key, "LogicalName"));
        return t.column(name).orElseThrow(() -> new DataverseException(404, ErrorCodes.OBJECT_DOES_NOT_EXIST,
                "Could not find an attribute with name " + name + " on entity " + t.logicalName()));
    }

    private static ApiResponse answer(String context, ObjectNode item) {
        ObjectNode root = JSON.objectNode();
        root.put("@odata.context", context);
        root.setAll(item);
        return ApiResponse.json(200, root);
    }

    private static ApiResponse answerCollection(String context, ArrayNode value) {
        ObjectNode root = JSON.objectNode();
        root.put("@odata.context", context);
        root.set("value", value);
        return ApiResponse.json(200, root);
    }
}
