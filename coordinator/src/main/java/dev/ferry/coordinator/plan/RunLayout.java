package dev.ferry.coordinator.plan;

import dev.ferry.common.contract.AssociationTarget;
import java.util.List;

/**
 * What a valid plan becomes: each entry's extraction and release gate (the tables' rows, then the
 * deferred-lookups passes, then the many-to-many associations), the load order in waves, the deferred lookups and notes for people.
 *
 * @param tables          the tables' rows in plan order (in wave order for a sequential schedule), then their
 *                        deferred-lookups passes, then the associations entries
 * @param waves           the load order of the tables' rows: each wave loads once the earlier ones
 *                        are loaded (a pass loads once its table and its lookups' tables are)
 * @param deferredLookups the lookups written by a second pass, by table and lookup, with why
 * @param associations    the many-to-many relationships copied, each by an associations entry of {@code tables}
 * @param notes           what people should know before running it: one line per deferred lookup, and
 *                        the many-to-many relationships that are not copied
 */
public record RunLayout(List<TableLayout> tables, List<List<String>> waves, List<DeferredLookup> deferredLookups,
                        List<AssociationTarget> associations, List<String> notes) {

    public RunLayout {
        tables = List.copyOf(tables);
        associations = List.copyOf(associations);
        waves = waves.stream().map(List::copyOf).toList();
        deferredLookups = List.copyOf(deferredLookups);
        notes = List.copyOf(notes);
    }
}
