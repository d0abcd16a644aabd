package dev.ferry.coordinator.plan;

/**
 * Names the second, deferred-lookups pass of a table in a run: {@code <table>--lookups}, e.g.
 * {@code accounts--lookups}. It is an entry of the run like a table (its own data topic
 * {@code ferry.data.<run>.accounts--lookups}, extract task, release and loaded state), so the
 * name must be a valid table part of a topic name: {@code Topics.data} keeps {@code [a-zA-Z0-9_-]}
 * unchanged, and so this one. It cannot collide with a real table: OData identifiers (entity set
 * names) have no {@code -}.
 */
public final class LookupPass {

    /** What the pass's name adds to its table's. */
    public static final String SUFFIX = "--lookups";

    private LookupPass() {
    }

    /** The name of the table's deferred-lookups pass. */
    public static String of(String table) {
        return table + SUFFIX;
    }

    /** The table a run's entry belongs to: the table itself, or the table of a deferred-lookups pass. */
    public static String tableOf(String entry) {
        return entry.endsWith(SUFFIX) ? entry.substring(0, entry.length() - SUFFIX.length()) : entry;
    }
}
