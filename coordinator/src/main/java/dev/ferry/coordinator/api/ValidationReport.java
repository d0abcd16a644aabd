package dev.ferry.coordinator.api;

import dev.ferry.common.contract.AssociationTarget;
import dev.ferry.common.plan.PlanProblem;
import dev.ferry.coordinator.plan.DeferredLookup;
import dev.ferry.coordinator.plan.TableLayout;
import java.util.List;

/**
 * The dry run of a plan ({@code POST /migrations/validate}).
 *
 * @param valid    whether {@code POST /migrations} would accept it
 * @param problems every problem; empty when valid
 * @param waves    the load order of the tables' rows when valid: each wave's tables load once the
 *                 earlier waves are loaded (deferred lookups aside)
 * @param tables   per entry when valid, the tables' rows then their deferred-lookups passes
 *                 ({@code <table>--lookups}) then the associations ({@code <SchemaName>--associations}):
 *                 the pass, the columns its extraction selects (empty: all), its parents, what it is
 *                 released after, the table's deferred lookups, the association it writes, and its
 *                 lookups that can point outside the plan with their rules (keep, clear, reject)
 * @param deferredLookups every lookup written by a second pass: table, lookup, targets, reason
 *                 ({@code self-reference} or the cycle it breaks)
 * @param associations the many-to-many relationships copied, each by an entry
 *                 {@code <SchemaName>--associations} of {@code tables} released once both its tables are loaded
 * @param notes    what to know before running it (one line per deferred lookup; the many-to-many
 *                 relationships not copied, and why)
 */
public record ValidationReport(boolean valid, List<PlanProblem> problems, List<List<String>> waves,
                               List<TableLayout> tables, List<DeferredLookup> deferredLookups,
                               List<AssociationTarget> associations, List<String> notes) {
}
