package dev.ferry.coordinator.plan;

import dev.ferry.common.metadata.Requiredness;
import java.util.List;
import java.util.Objects;

/**
 * One lookup of a plan's table to tables of the plan: what {@link LookupDeferral} may defer.
 * A polymorphic lookup is one candidate with several targets, since deferring it defers its
 * foreign key, and so every one of its tables.
 *
 * @param table        the table whose records hold the lookup
 * @param lookup       its foreign-key property in the source, e.g. {@code _parentcustomerid_value}
 * @param targets      the plan's tables it points to (itself included for a self-reference), in plan order
 * @param requiredness whether a value is required; a required lookup cannot be deferred
 */
record LookupCandidate(String table, String lookup, List<String> targets, Requiredness requiredness) {

    LookupCandidate {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(lookup, "lookup");
        Objects.requireNonNull(requiredness, "requiredness");
        targets = List.copyOf(targets);
    }

    /** Whether it points to its own table (among others, for a polymorphic lookup). */
    boolean isSelfReference() {
        return targets.contains(table);
    }

    /** Whether it may be left out of the rows and written by a second pass. */
    boolean isDeferrable() {
        return requiredness != Requiredness.REQUIRED;
    }

    /** {@code table.lookup}, for messages. */
    String describe() {
        return table + "." + lookup;
    }
}
