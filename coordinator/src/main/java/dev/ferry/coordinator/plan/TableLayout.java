package dev.ferry.coordinator.plan;

import dev.ferry.common.contract.LoadPass;
import java.util.List;

/**
 * How one entry of a run, a table's rows or its deferred-lookups pass, is extracted and when it is released.
 *
 * @param table           the entry's name in the run: the table (its entity set), or
 *                        {@code <table>--lookups} for its deferred-lookups pass ({@link LookupPass})
 * @param entitySet       the entity set in source and target
 * @param pass            {@code ROWS}: every column but the deferred lookups; {@code DEFERRED_LOOKUPS}:
 *                        the record id and the deferred lookups only
 * @param select          the columns to extract; empty means all
 * @param parents         the plan's tables its lookups point to, itself aside (deferred lookups included)
 * @param releaseAfter    the entries that must be loaded before it is released: the tables its lookups
 *                        that are not deferred point to; for a pass, its table and the tables its
 *                        deferred lookups point to
 * @param deferredLookups the table's lookups the rows leave out and the pass writes, with why
 */
public record TableLayout(String table, String entitySet, LoadPass pass, List<String> select, List<String> parents,
                          List<String> releaseAfter, List<DeferredLookup> deferredLookups) {

    public TableLayout {
        select = List.copyOf(select);
        parents = List.copyOf(parents);
        releaseAfter = List.copyOf(releaseAfter);
        deferredLookups = List.copyOf(deferredLookups);
    }

    /** The deferred lookups' source properties, as {@code TableReleased.deferredLookups} carries them. */
    public List<String> deferredLookupProperties() {
        return deferredLookups.stream().map(DeferredLookup::lookup).toList();
    }
}
