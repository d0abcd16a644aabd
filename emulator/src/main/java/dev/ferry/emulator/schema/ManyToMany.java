package dev.ferry.emulator.schema;

/**
 * A many-to-many relationship: both sides expose a collection navigation property named after
 * the relationship (Dataverse's convention, e.g. {@code accountleads_association}).
 *
 * @param intersectEntity the logical name of the intersect table, e.g. {@code accountleads}
 */
public record ManyToMany(String schemaName, String table1, String table2, String intersectEntity) {

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
}
