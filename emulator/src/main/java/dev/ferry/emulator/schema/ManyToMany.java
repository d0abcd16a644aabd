package dev.ferry.emulator.schema;

import java.util.List;
import java.util.Map;

/**
 * A many-to-many relationship: both sides expose a collection navigation property named after
 * the relationship (Dataverse's convention, e.g. {@code accountleads_association}). Its
 * intersect table is served as a read-only entity set ({@code accountleadscollection}) whose
 * rows the store keeps in step with the associations.
 *
 * @param intersectEntity the logical name of the intersect table, e.g. {@code accountleads}
 * @param intersectPrimaryId the intersect table's key, e.g. {@code accountleadid} (Dataverse
 *     does not derive it mechanically from the table name, so it is given); null when the
 *     environment exposes no intersect entity set for the relationship (a document that lacks it)
 */
public record ManyToMany(String schemaName, String table1, String table2, String intersectEntity,
        String intersectPrimaryId) {
    /** Dataverse names intersect entity sets {@code <intersect>collection}. */
    public static final String INTERSECT_SET_SUFFIX = "collection";
    private static final String ID_SUFFIX = "id";
    private static final String SELF_FIRST_SUFFIX = "idone";
    private static final String SELF_SECOND_SUFFIX = "idtwo";

    /** A relationship whose intersect key follows the plain {@code <intersect>id} rule. */
    public ManyToMany(String schemaName, String table1, String table2, String intersectEntity) {
        this(schemaName, table1, table2, intersectEntity, intersectEntity + ID_SUFFIX);
    }

    /** Whether the relationship links a table to itself (then both navigation properties coincide). */
    public boolean selfReferencing() {
        return table1.equals(table2);
    }

    public boolean involves(String table) {
        return table1.equals(table) || table2.equals(table);
    }

    /** The table on the other side of {@code table}. */
    public String otherSide(String table) {
        return table1.equals(table) ? table2 : table1;
    }

    /** Whether the intersect table is served (and kept in step with the associations). */
    public boolean hasIntersectTable() {
        return intersectPrimaryId != null;
    }

    public String intersectEntitySet() {
        return intersectEntity + INTERSECT_SET_SUFFIX;
    }

    /** The intersect column holding table1's id ({@code <table>idone} when self-referencing). */
    public String firstIdColumn() {
        return selfReferencing() ? table1 + SELF_FIRST_SUFFIX : table1 + ID_SUFFIX;
    }

    /** The intersect column holding table2's id ({@code <table>idtwo} when self-referencing). */
    public String secondIdColumn() {
        return selfReferencing() ? table2 + SELF_SECOND_SUFFIX : table2 + ID_SUFFIX;
    }

    /** The read-only intersect table: its key, the two side ids and versionnumber. */
    public Table intersectTable() {
        List<Column> columns = List.of(
                readOnlyGuid(intersectPrimaryId, RequiredLevel.SystemRequired),
                readOnlyGuid(firstIdColumn(), RequiredLevel.SystemRequired),
                readOnlyGuid(secondIdColumn(), RequiredLevel.SystemRequired),
                new Column("versionnumber", ColumnType.BIGINT, 0, 0, RequiredLevel.None, false, false, true,
                        Map.of(), List.of(), "Version Number"));
        return new Table(intersectEntity, intersectEntitySet(), intersectPrimaryId, null, false, columns, List.of(),
                List.of(), true);
    }

    private static Column readOnlyGuid(String name, RequiredLevel level) {
        return new Column(name, ColumnType.UNIQUEIDENTIFIER, 0, 0, level, false, false, true, Map.of(), List.of(),
                name);
    }
}
