package dev.ferry.coordinator.plan;

/**
 * Names the associations entry of a many-to-many relationship in a run:
 * {@code <SchemaName>--associations}, e.g. {@code accountleads_association--associations}. Like a
 * {@link LookupPass} it is an entry of the run (its own data topic, extract task on the intersect
 * table, release and loaded state), so its name keeps to the characters a topic name keeps
 * ({@code [a-zA-Z0-9_-]}: schema names have letters, digits and {@code _}), and cannot collide
 * with a table, since OData identifiers have no {@code -}.
 */
public final class AssociationPass {

    /** What the entry's name adds to the relationship's schema name. */
    public static final String SUFFIX = "--associations";

    private AssociationPass() {
    }

    /** The name of the relationship's associations entry. */
    public static String of(String schemaName) {
        return schemaName + SUFFIX;
    }

    /** Whether the run's entry is an associations entry. */
    public static boolean isAssociations(String entry) {
        return entry.endsWith(SUFFIX);
    }
}
