package dev.ferry.emulator.schema;

/**
 * A one-to-many relationship behind one target of a lookup column.
 *
 * @param schemaName e.g. {@code contact_customer_accounts}; also the collection navigation
 *     property on the referenced table
 * @param referencingNavigation the single-valued navigation property on the referencing table
 *     (e.g. {@code parentcustomerid_account}), used in {@code @odata.bind}
 */
public record Relationship(
        String schemaName,
        String referencedTable,
        String referencingTable,
        String referencingAttribute,
        String referencingNavigation) {
}
