package dev.ferry.emulator.csdl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.emulator.json.ValueCodec;
import dev.ferry.emulator.schema.AlternateKey;
import dev.ferry.emulator.schema.Column;
import dev.ferry.emulator.schema.ColumnType;
import dev.ferry.emulator.schema.ManyToMany;
import dev.ferry.emulator.schema.Relationship;
import dev.ferry.emulator.schema.RequiredLevel;
import dev.ferry.emulator.schema.Schema;
import dev.ferry.emulator.schema.Table;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The JSON of Dataverse's metadata entity types (EntityMetadata, AttributeMetadata and its
 * derived types, OneToMany/ManyToManyRelationshipMetadata, EntityKeyMetadata,
 * OptionSetMetadata) for the tables of a schema, with the property names and value shapes of
 * real Web API responses.
 */
final class DefinitionJson {
    static final String TYPE_PREFIX = "#" + DataverseCsdl.NAMESPACE + ".";
    static final String ONE_TO_MANY_TYPE = "OneToManyRelationshipMetadata";
    static final String MANY_TO_MANY_TYPE = "ManyToManyRelationshipMetadata";
    private static final int LANGUAGE_CODE = 1033;
    private static final String REQUIRED_LEVEL_PROPERTY = "canmodifyrequirementlevelsettings";
    /** Dataverse's Double range. */
    private static final BigDecimal DOUBLE_MAX = new BigDecimal("100000000000");
    /** Money columns report where their precision comes from: 2 = the currency's. */
    private static final int MONEY_PRECISION_SOURCE = 2;
    /** RelationshipBehavior 0: the default, as on system relationships. */
    private static final int DEFAULT_RELATIONSHIP_BEHAVIOR = 0;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Properties of derived attribute types: selected on a collection, they are null on the other types. */
    static final Set<String> DERIVED_ATTRIBUTE_PROPERTIES = Set.of("Format", "FormatName", "MaxLength", "MinValue",
            "MaxValue", "Precision", "PrecisionSource", "DateTimeBehavior", "Targets", "DefaultFormValue");

    private final Schema schema;

    DefinitionJson(Schema schema) {
        this.schema = schema;
    }

    /** An EntityMetadata without its navigation properties (Attributes, relationships, Keys). */
    ObjectNode entity(Table t) {
        UUID id = MetadataIds.entity(t.logicalName());
        ObjectNode n = JSON.objectNode();
        n.put("MetadataId", id.toString());
        n.putNull("HasChanged");
        n.put("LogicalName", t.logicalName());
        n.put("SchemaName", schemaName(t.logicalName()));
        n.put("EntitySetName", t.entitySetName());
        n.put("LogicalCollectionName", t.entitySetName());
        n.put("CollectionSchemaName", schemaName(t.entitySetName()));
        n.put("PrimaryIdAttribute", t.primaryId());
        n.put("PrimaryNameAttribute", t.primaryName());
        n.put("OwnershipType", t.userOwned() ? "UserOwned" : "OrganizationOwned");
        n.put("IsActivity", false);
        n.put("IsIntersect", t.isIntersect());
        n.put("IsLogicalEntity", false);
        n.put("IsManaged", true);
        n.put("TableType", "Standard");
        n.set("DisplayName", label(displayName(t.logicalName()), id, "DisplayName"));
        n.set("DisplayCollectionName", label(displayName(t.entitySetName()), id, "DisplayCollectionName"));
        n.set("Description", emptyLabel());
        return n;
    }

    /** An attribute with its derived type's {@code @odata.type} and type-specific properties. */
    ObjectNode attribute(Table t, Column c) {
        UUID id = MetadataIds.attribute(t.logicalName(), c.name());
        ObjectNode n = JSON.objectNode();
        n.put("@odata.type", TYPE_PREFIX + attributeMetadataType(c.type()));
        n.put("MetadataId", id.toString());
        n.putNull("HasChanged");
        n.put("LogicalName", c.name());
        n.put("SchemaName", schemaName(c.name()));
        n.put("EntityLogicalName", t.logicalName());
        n.put("AttributeType", c.type().attributeType());
        n.putObject("AttributeTypeName").put("Value", attributeTypeName(c.type()));
        n.putNull("AttributeOf");
        n.put("ColumnNumber", t.indexOf(c) + 1);
        n.put("IsPrimaryId", c.name().equals(t.primaryId()));
        n.put("IsPrimaryName", c.name().equals(t.primaryName()));
        n.put("IsValidForCreate", c.validForCreate());
        n.put("IsValidForUpdate", c.validForUpdate());
        n.put("IsValidForRead", c.validForRead());
        n.put("IsValidODataAttribute", true);
        n.put("IsRetrievable", true);
        n.put("IsFilterable", true);
        n.put("IsLogical", false);
        n.put("IsSecured", false);
        n.put("IsManaged", true);
        ObjectNode required = n.putObject("RequiredLevel");
        required.put("Value", c.requiredLevel().name());
        required.put("CanBeChanged", c.requiredLevel() != RequiredLevel.SystemRequired);
        required.put("ManagedPropertyLogicalName", REQUIRED_LEVEL_PROPERTY);
        n.set("DisplayName", label(c.displayName(), id, "DisplayName"));
        n.set("Description", emptyLabel());
        typeSpecific(n, c);
        return n;
    }

    private static void typeSpecific(ObjectNode n, Column c) {
        switch (c.type()) {
            case STRING -> {
                n.put("Format", "Text");
                n.putObject("FormatName").put("Value", "Text");
                n.put("MaxLength", c.maxLength());
            }
            case MEMO -> {
                n.put("Format", "TextArea");
                n.put("MaxLength", c.maxLength());
            }
            case INTEGER -> {
                n.put("Format", "None");
                n.put("MinValue", Integer.MIN_VALUE);
                n.put("MaxValue", Integer.MAX_VALUE);
            }
            case BIGINT -> {
                n.put("MinValue", Long.MIN_VALUE);
                n.put("MaxValue", Long.MAX_VALUE);
            }
            case DECIMAL -> range(n, c, ValueCodec.DECIMAL_MAX);
            case MONEY -> {
                range(n, c, ValueCodec.MONEY_MAX);
                n.put("PrecisionSource", MONEY_PRECISION_SOURCE);
            }
            case DOUBLE -> range(n, c, DOUBLE_MAX);
            case DATETIME -> {
                n.put("Format", "DateAndTime");
                n.putObject("DateTimeBehavior").put("Value", "UserLocal");
            }
            case DATEONLY -> {
                n.put("Format", "DateOnly");
                n.putObject("DateTimeBehavior").put("Value", "DateOnly");
            }
            case LOOKUP, CUSTOMER, OWNER -> {
                n.put("Format", "None");
                ArrayNode targets = n.putArray("Targets");
                c.targets().forEach(targets::add);
            }
            case PICKLIST, STATE, STATUS, MULTISELECTPICKLIST -> n.putNull("DefaultFormValue");
            default -> {
            }
        }
    }

    private static void range(ObjectNode n, Column c, BigDecimal max) {
        n.put("Precision", c.precision());
        n.put("MinValue", max.negate());
        n.put("MaxValue", max);
    }

    /** The OptionSet of an option-set column (its navigation property, given on {@code $expand=OptionSet}). */
    JsonNode optionSet(Table t, Column c) {
        if (!c.type().isOptionSet()) {
            return JSON.nullNode();
        }
        UUID id = MetadataIds.optionSet(t.logicalName(), c.name());
        ObjectNode n = JSON.objectNode();
        n.put("MetadataId", id.toString());
        n.putNull("HasChanged");
        n.put("Name", t.logicalName() + "_" + c.name());
        n.put("IsGlobal", false);
        n.put("OptionSetType", switch (c.type()) {
            case STATE -> "State";
            case STATUS -> "Status";
            default -> "Picklist";
        });
        ArrayNode options = n.putArray("Options");
        for (Map.Entry<Integer, String> o : new TreeMap<>(c.options()).entrySet()) {
            ObjectNode option = options.addObject();
            option.put("Value", o.getKey());
            option.set("Label", label(o.getValue(), id, "Option" + o.getKey()));
            option.set("Description", emptyLabel());
        }
        return n;
    }

    /** A OneToManyRelationshipMetadata. */
    ObjectNode oneToMany(Relationship r) {
        Table referenced = table(r.referencedTable());
        ObjectNode n = JSON.objectNode();
        n.put("MetadataId", MetadataIds.relationship(r.schemaName(), r.referencedTable()).toString());
        n.putNull("HasChanged");
        n.put("SchemaName", r.schemaName());
        n.put("RelationshipType", "OneToManyRelationship");
        n.put("IsCustomRelationship", false);
        n.put("IsManaged", true);
        n.put("IsValidForAdvancedFind", true);
        n.put("SecurityTypes", "Append");
        n.put("ReferencedAttribute", referenced.primaryId());
        n.put("ReferencedEntity", r.referencedTable());
        n.put("ReferencingAttribute", r.referencingAttribute());
        n.put("ReferencingEntity", r.referencingTable());
        n.put("IsHierarchical", false);
        n.put("ReferencedEntityNavigationPropertyName", r.schemaName());
        n.put("ReferencingEntityNavigationPropertyName", r.referencingNavigation());
        n.put("RelationshipBehavior", DEFAULT_RELATIONSHIP_BEHAVIOR);
        return n;
    }

    /** A ManyToManyRelationshipMetadata: both navigation properties have the relationship's name. */
    ObjectNode manyToMany(ManyToMany m) {
        ObjectNode n = JSON.objectNode();
        n.put("MetadataId", MetadataIds.manyToMany(m.schemaName()).toString());
        n.putNull("HasChanged");
        n.put("SchemaName", m.schemaName());
        n.put("RelationshipType", "ManyToManyRelationship");
        n.put("IsCustomRelationship", false);
        n.put("IsManaged", true);
        n.put("IsValidForAdvancedFind", true);
        n.put("SecurityTypes", "None");
        n.put("Entity1LogicalName", m.table1());
        n.put("Entity2LogicalName", m.table2());
        n.put("IntersectEntityName", m.intersectEntity());
        n.put("Entity1IntersectAttribute", m.firstIdColumn());
        n.put("Entity2IntersectAttribute", m.secondIdColumn());
        n.put("Entity1NavigationPropertyName", m.schemaName());
        n.put("Entity2NavigationPropertyName", m.schemaName());
        return n;
    }

    /** An EntityKeyMetadata. */
    ObjectNode key(Table t, AlternateKey k) {
        UUID id = MetadataIds.key(t.logicalName(), k.name());
        ObjectNode n = JSON.objectNode();
        n.put("MetadataId", id.toString());
        n.putNull("HasChanged");
        n.put("LogicalName", k.name());
        n.put("SchemaName", k.name());
        n.put("EntityLogicalName", t.logicalName());
        ArrayNode attributes = n.putArray("KeyAttributes");
        k.columns().forEach(attributes::add);
        n.put("EntityKeyIndexStatus", "Active");
        n.put("IsManaged", true);
        n.set("DisplayName", label(k.name(), id, "DisplayName"));
        return n;
    }

    private Table table(String logicalName) {
        return schema.table(logicalName).orElseThrow(() -> new IllegalStateException(
                "schema " + schema.name() + " refers to table " + logicalName + " which it lacks"));
    }

    /** The derived AttributeMetadata type Dataverse uses for an attribute type. */
    static String attributeMetadataType(ColumnType type) {
        return switch (type) {
            case STRING -> "StringAttributeMetadata";
            case MEMO -> "MemoAttributeMetadata";
            case INTEGER -> "IntegerAttributeMetadata";
            case BIGINT -> "BigIntAttributeMetadata";
            case DECIMAL -> "DecimalAttributeMetadata";
            case MONEY -> "MoneyAttributeMetadata";
            case DOUBLE -> "DoubleAttributeMetadata";
            case BOOLEAN -> "BooleanAttributeMetadata";
            case DATETIME, DATEONLY -> "DateTimeAttributeMetadata";
            case UNIQUEIDENTIFIER -> "UniqueIdentifierAttributeMetadata";
            case PICKLIST -> "PicklistAttributeMetadata";
            case STATE -> "StateAttributeMetadata";
            case STATUS -> "StatusAttributeMetadata";
            case MULTISELECTPICKLIST -> "MultiSelectPicklistAttributeMetadata";
            case LOOKUP, CUSTOMER, OWNER -> "LookupAttributeMetadata";
        };
    }

    /** The AttributeTypeName value, e.g. {@code StringType}. */
    static String attributeTypeName(ColumnType type) {
        return switch (type) {
            case UNIQUEIDENTIFIER -> "UniqueidentifierType";
            case MULTISELECTPICKLIST -> "MultiSelectPicklistType";
            default -> type.attributeType() + "Type";
        };
    }

    /** A Label in its real shape: one 1033 localized label, repeated as the user's label. */
    private static ObjectNode label(String text, UUID owner, String kind) {
        ObjectNode localized = JSON.objectNode();
        localized.put("Label", text);
        localized.put("LanguageCode", LANGUAGE_CODE);
        localized.put("IsManaged", true);
        localized.put("MetadataId", MetadataIds.label(owner, kind).toString());
        localized.putNull("HasChanged");
        ObjectNode label = JSON.objectNode();
        label.putArray("LocalizedLabels").add(localized);
        label.set("UserLocalizedLabel", localized.deepCopy());
        return label;
    }

    private static ObjectNode emptyLabel() {
        ObjectNode label = JSON.objectNode();
        label.putArray("LocalizedLabels");
        label.putNull("UserLocalizedLabel");
        return label;
    }

    /**
     * A schema name from a logical name: Dataverse's are the logical names in Pascal case, which
     * cannot be recovered exactly; each part between underscores starts upper case.
     */
    static String schemaName(String logicalName) {
        StringBuilder sb = new StringBuilder(logicalName.length());
        boolean upper = true;
        for (char c : logicalName.toCharArray()) {
            sb.append(upper ? Character.toUpperCase(c) : c);
            upper = c == '_';
        }
        return sb.toString();
    }

    private static String displayName(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
