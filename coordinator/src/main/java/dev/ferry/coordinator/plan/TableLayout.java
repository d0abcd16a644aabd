package dev.ferry.coordinator.plan;

import dev.ferry.common.contract.AssociationTarget;
import dev.ferry.common.contract.LoadPass;
import dev.ferry.common.contract.OutsideLookup;
import java.util.List;

/**
 * How one entry of a run, a table's rows, its deferred-lookups pass or a many-to-many relationship's
 * associations, is extracted and when it is released.
 *
 * @param table           the entry's name in the run: the table (its entity set),
 *                        {@code <table>--lookups} for its deferred-lookups pass ({@link LookupPass}), or
 *                        {@code <SchemaName>--associations} for a relationship's associations ({@link AssociationPass})
 * @param entitySet       the entity set in source and target; for associations, the intersect table's
 * @param pass            {@code ROWS}: every column but the deferred lookups; {@code DEFERRED_LOOKUPS}:
 *                        the record id and the deferred lookups only; {@code ASSOCIATIONS}: the intersect
 *                        row id and the two sides' ids
 * @param select          the columns to extract; empty means all
 * @param parents         the plan's tables its lookups point to, itself aside (deferred lookups included)
 * @param releaseAfter    the entries that must be loaded before it is released: the tables its lookups
 *                        that are not deferred point to; for a pass, its table and the tables its
 *                        deferred lookups point to; for associations, the relationship's two tables
 * @param deferredLookups the table's lookups the rows leave out and the pass writes, with why
 * @param association     for associations, where they are written in the target; otherwise {@code null}
 * @param outsideLookups  the lookups this entry writes that can point to tables outside the plan, with
 *                        the plan's rule for each
 */
public record TableLayout(String table, String entitySet, LoadPass pass, List<String> select, List<String> parents,
                          List<String> releaseAfter, List<DeferredLookup> deferredLookups,
                          AssociationTarget association, List<OutsideLookup> outsideLookups) {

    public TableLayout {
        select = List.copyOf(select);
        parents = List.copyOf(parents);
        releaseAfter = List.copyOf(releaseAfter);
        deferredLookups = List.copyOf(deferredLookups);
        outsideLookups = outsideLookups == null ? List.of() : List.copyOf(outsideLookups);
    }

    /** A rows or deferred-lookups entry with no lookup outside the plan. */
    public TableLayout(String table, String entitySet, LoadPass pass, List<String> select, List<String> parents,
                       List<String> releaseAfter, List<DeferredLookup> deferredLookups) {
        this(table, entitySet, pass, select, parents, releaseAfter, deferredLookups, null, List.of());
    }

    /** The deferred lookups' source properties, as {@code TableReleased.deferredLookups} carries them. */
    public List<String> deferredLookupProperties() {
        return deferredLookups.stream().map(DeferredLookup::lookup).toList();
    }
}
