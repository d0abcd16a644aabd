package dev.ferry.emulator.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Schema} with Dataverse's conventions: every table gets its primary id,
 * createdon, modifiedon and versionnumber; user-owned tables get ownerid; lookup navigation
 * properties and relationship names follow Dataverse's naming unless given.
 */
public final class SchemaBuilder {
    /** Owner lookups point at either of these tables, as in Dataverse. */
    public static final List<String> OWNER_TARGETS = List.of("systemuser", "team");

    private final String name;
    private final List<TableBuilder> tables = new ArrayList<>();
    private final List<ManyToMany> manyToMany = new ArrayList<>();

    public SchemaBuilder(String name) {
        this.name = name;
    }

    public TableBuilder table(String logicalName, String entitySetName) {
        TableBuilder t = new TableBuilder(logicalName, entitySetName);
        tables.add(t);
        return t;
    }

    public SchemaBuilder manyToMany(String schemaName, String table1, String table2, String intersectEntity) {
        manyToMany.add(new ManyToMany(schemaName, table1, table2, intersectEntity));
        return this;
    }

    /** A many-to-many relationship whose intersect table's key is named explicitly (e.g. {@code accountleadid}). */
    public SchemaBuilder manyToMany(String schemaName, String table1, String table2, String intersectEntity,
            String intersectPrimaryId) {
        manyToMany.add(new ManyToMany(schemaName, table1, table2, intersectEntity, intersectPrimaryId));
        return this;
    }

    public Schema build() {
        return new Schema(name, tables.stream().map(TableBuilder::build).toList(), manyToMany);
    }

    /** Collects the columns of one table. */
    public static final class TableBuilder {
        private final String logicalName;
        private final String entitySetName;
        private final List<Column> columns = new ArrayList<>();
        private final List<AlternateKey> keys = new ArrayList<>();
        private final List<Relationship> relationships = new ArrayList<>();
        private String primaryName;
        private boolean userOwned;

        TableBuilder(String logicalName, String entitySetName) {
            this.logicalName = logicalName;
            this.entitySetName = entitySetName;
            columns.add(new Column(primaryIdName(), ColumnType.UNIQUEIDENTIFIER, 0, 0, RequiredLevel.SystemRequired,
                    true, false, true, Map.of(), List.of(), "Id"));
        }

        private String primaryIdName() {
            return logicalName + "id";
        }

        /** The primary name column: a required string. */
        public TableBuilder primaryName(String column, int maxLength, RequiredLevel level) {
            this.primaryName = column;
            return add(column, ColumnType.STRING, maxLength, 0, level, Map.of());
        }

        /** A primary name Dataverse computes (fullname from firstname and lastname): read-only. */
        public TableBuilder computedPrimaryName(String column, int maxLength) {
            this.primaryName = column;
            columns.add(new Column(column, ColumnType.STRING, maxLength, 0, RequiredLevel.None,
                    false, false, true, Map.of(), List.of(), column));
            return this;
        }

        public TableBuilder string(String column, int maxLength) {
            return add(column, ColumnType.STRING, maxLength, 0, RequiredLevel.None, Map.of());
        }

        public TableBuilder string(String column, int maxLength, RequiredLevel level) {
            return add(column, ColumnType.STRING, maxLength, 0, level, Map.of());
        }

        public TableBuilder memo(String column, int maxLength) {
            return add(column, ColumnType.MEMO, maxLength, 0, RequiredLevel.None, Map.of());
        }

        public TableBuilder integer(String column) {
            return add(column, ColumnType.INTEGER, 0, 0, RequiredLevel.None, Map.of());
        }

        public TableBuilder bigint(String column) {
            return add(column, ColumnType.BIGINT, 0, 0, RequiredLevel.None, Map.of());
        }

        public TableBuilder decimal(String column, int precision) {
            return add(column, ColumnType.DECIMAL, 0, precision, RequiredLevel.None, Map.of());
        }

        public TableBuilder money(String column) {
            return add(column, ColumnType.MONEY, 0, 4, RequiredLevel.None, Map.of());
        }

        public TableBuilder doubleColumn(String column, int precision) {
            return add(column, ColumnType.DOUBLE, 0, precision, RequiredLevel.None, Map.of());
        }

        public TableBuilder bool(String column) {
            return add(column, ColumnType.BOOLEAN, 0, 0, RequiredLevel.None, Map.of());
        }

        public TableBuilder dateTime(String column) {
            return add(column, ColumnType.DATETIME, 0, 0, RequiredLevel.None, Map.of());
        }

        public TableBuilder dateOnly(String column) {
            return add(column, ColumnType.DATEONLY, 0, 0, RequiredLevel.None, Map.of());
        }

        public TableBuilder guid(String column) {
            return add(column, ColumnType.UNIQUEIDENTIFIER, 0, 0, RequiredLevel.None, Map.of());
        }

        public TableBuilder picklist(String column, Map<Integer, String> options) {
            return add(column, ColumnType.PICKLIST, 0, 0, RequiredLevel.None, options);
        }

        public TableBuilder multiSelect(String column, Map<Integer, String> options) {
            return add(column, ColumnType.MULTISELECTPICKLIST, 0, 0, RequiredLevel.None, options);
        }

        /** statecode and statuscode with their option labels. */
        public TableBuilder stateAndStatus(Map<Integer, String> states, Map<Integer, String> statuses) {
            add("statecode", ColumnType.STATE, 0, 0, RequiredLevel.SystemRequired, states);
            return add("statuscode", ColumnType.STATUS, 0, 0, RequiredLevel.None, statuses);
        }

        /** A read-only column of any type, such as a rollup or a calculated column. */
        public TableBuilder readOnly(String column, ColumnType type) {
            columns.add(new Column(column, type, 0, type == ColumnType.MONEY ? 4 : 0, RequiredLevel.None,
                    false, false, true, Map.of(), List.of(), column));
            return this;
        }

        /** A single-target lookup; its navigation property has the attribute's name. */
        public TableBuilder lookup(String attribute, String target, String relationshipName, RequiredLevel level) {
            columns.add(new Column(attribute, ColumnType.LOOKUP, 0, 0, level, true, true, true,
                    Map.of(), List.of(target), attribute));
            relationships.add(new Relationship(relationshipName, target, logicalName, attribute, attribute));
            return this;
        }

        /**
         * A customer lookup (account or contact): one navigation property per target, named
         * {@code <attribute>_<target>}.
         */
        public TableBuilder customer(String attribute, Map<String, String> relationshipNameByTarget, RequiredLevel level) {
            Map<String, String> ordered = new LinkedHashMap<>(relationshipNameByTarget);
            columns.add(new Column(attribute, ColumnType.CUSTOMER, 0, 0, level, true, true, true,
                    Map.of(), List.copyOf(ordered.keySet()), attribute));
            ordered.forEach((target, rel) ->
                    relationships.add(new Relationship(rel, target, logicalName, attribute, attribute + "_" + target)));
            return this;
        }

        /** Makes the table user-owned: an ownerid lookup to systemuser or team, bound as {@code ownerid}. */
        public TableBuilder userOwned() {
            this.userOwned = true;
            columns.add(new Column("ownerid", ColumnType.OWNER, 0, 0, RequiredLevel.SystemRequired, true, true, true,
                    Map.of(), OWNER_TARGETS, "Owner"));
            relationships.add(new Relationship("user_" + entitySetName, "systemuser", logicalName, "ownerid", "ownerid"));
            relationships.add(new Relationship("team_" + entitySetName, "team", logicalName, "ownerid", "ownerid"));
            return this;
        }

        public TableBuilder alternateKey(String keyName, String... columnNames) {
            keys.add(new AlternateKey(keyName, List.of(columnNames)));
            return this;
        }

        private TableBuilder add(String column, ColumnType type, int maxLength, int precision, RequiredLevel level,
                Map<Integer, String> options) {
            columns.add(new Column(column, type, maxLength, precision, level, true, true, true, options, List.of(),
                    column));
            return this;
        }

        Table build() {
            List<Column> all = new ArrayList<>(columns);
            all.add(new Column("createdon", ColumnType.DATETIME, 0, 0, RequiredLevel.None, false, false, true,
                    Map.of(), List.of(), "Created On"));
            all.add(new Column("modifiedon", ColumnType.DATETIME, 0, 0, RequiredLevel.None, false, false, true,
                    Map.of(), List.of(), "Modified On"));
            all.add(new Column("versionnumber", ColumnType.BIGINT, 0, 0, RequiredLevel.None, false, false, true,
                    Map.of(), List.of(), "Version Number"));
            return new Table(logicalName, entitySetName, primaryIdName(), primaryName, userOwned, all, keys,
                    relationships);
        }
    }
}
