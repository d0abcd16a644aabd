package dev.ferry.emulator.write;

import dev.ferry.emulator.schema.Column;
import dev.ferry.emulator.schema.ColumnType;
import dev.ferry.emulator.schema.ManyToMany;
import dev.ferry.emulator.schema.Relationship;
import dev.ferry.emulator.schema.RequiredLevel;
import dev.ferry.emulator.schema.Schema;
import dev.ferry.emulator.schema.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What writes need to know about one table, worked out once: the slots of the system columns,
 * the columns the platform requires, and the navigation properties by name. Keeps per-row work free
 * of schema searches.
 */
final class TableLayout {
    static final String CREATED_ON = "createdon";
    static final String MODIFIED_ON = "modifiedon";
    static final String VERSION_NUMBER = "versionnumber";
    static final String STATE_CODE = "statecode";
    static final String STATUS_CODE = "statuscode";
    /** Dataverse's default state (Active/Open) and the default status reason that goes with it. */
    static final int DEFAULT_STATE = 0;
    static final int DEFAULT_STATUS = 1;

    final Table table;
    final int primaryId;
    final int createdOn;
    final int modifiedOn;
    final int versionNumber;
    final int stateCode;
    final int statusCode;
    /** Columns Dataverse refuses to leave empty on create (SystemRequired with no platform default). */
    final List<Column> systemRequired;
    final ComputedColumns computed;
    /** Single-valued navigation property → the relationships behind it (two for ownerid). */
    final Map<String, List<Relationship>> navigations;
    /** Collection-valued navigation properties of N:N relationships, by relationship schema name. */
    final Map<String, ManyToMany> manyToMany;
    /** Collection-valued navigation properties of 1:N relationships where this table is referenced. */
    final Map<String, Relationship> oneToMany;

    private TableLayout(Schema schema, Table table) {
        this.table = table;
        this.primaryId = table.primaryIdIndex();
        this.createdOn = table.indexOf(CREATED_ON);
        this.modifiedOn = table.indexOf(MODIFIED_ON);
        this.versionNumber = table.indexOf(VERSION_NUMBER);
        this.stateCode = table.indexOf(STATE_CODE);
        this.statusCode = table.indexOf(STATUS_CODE);
        this.computed = new ComputedColumns(table);
        List<Column> required = new ArrayList<>();
        for (Column c : table.columns()) {
            if (c.requiredLevel() == RequiredLevel.SystemRequired && needsClientValue(table, c)) {
                required.add(c);
            }
        }
        this.systemRequired = List.copyOf(required);
        Map<String, List<Relationship>> navs = new HashMap<>();
        for (Relationship r : table.lookupRelationships()) {
            navs.computeIfAbsent(r.referencingNavigation(), k -> new ArrayList<>()).add(r);
        }
        navs.replaceAll((k, v) -> List.copyOf(v));
        this.navigations = Map.copyOf(navs);
        Map<String, ManyToMany> nn = new LinkedHashMap<>();
        for (ManyToMany m : schema.manyToManyOf(table.logicalName())) {
            nn.put(m.schemaName(), m);
        }
        this.manyToMany = Map.copyOf(nn);
        Map<String, Relationship> oneN = new LinkedHashMap<>();
        for (Relationship r : schema.relationshipsReferencing(table.logicalName())) {
            oneN.put(r.schemaName(), r);
        }
        this.oneToMany = Map.copyOf(oneN);
    }

    static TableLayout of(Schema schema, Table table) {
        return new TableLayout(schema, table);
    }

    /**
     * Whether a SystemRequired column must come from the client: the platform fills the primary id,
     * the state and status, and lookups such as ownerid (Dataverse defaults them to the calling user,
     * whom the emulator does not know, so they stay empty).
     */
    private static boolean needsClientValue(Table table, Column c) {
        return c.validForCreate()
                && !c.name().equals(table.primaryId())
                && !c.type().isLookup()
                && c.type() != ColumnType.STATE
                && c.type() != ColumnType.STATUS;
    }

    List<Relationship> navigation(String name) {
        return navigations.getOrDefault(name, List.of());
    }
}
