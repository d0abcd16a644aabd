package dev.ferry.coordinator.plan;

import dev.ferry.common.contract.LoadPass;
import dev.ferry.common.contract.OutsideLookup;
import dev.ferry.common.metadata.AlternateKey;
import dev.ferry.common.metadata.EntitySetInfo;
import dev.ferry.common.metadata.ServiceMetadata;
import dev.ferry.common.plan.Plan;
import dev.ferry.common.plan.Schedule;
import dev.ferry.common.plan.TableSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a plan that passed validation into a {@link RunLayout}: selects, release gates, deferred
 * lookups and their passes, many-to-many associations, lookups outside the plan with their rules, waves.
 */
public final class RunPlanner {

    private RunPlanner() {
    }

    /** The layout of a plan whose tables have no many-to-many relationship to copy. */
    public static RunLayout layout(Plan plan, ServiceMetadata source, ServiceMetadata target) {
        return layout(plan, source, target, PlanRelationships.none());
    }

    /**
     * @param plan          a plan {@link dev.ferry.common.plan.PlanValidator} found no problem with
     * @param source        the source environment's metadata
     * @param target        the target environment's metadata
     * @param relationships the many-to-many relationships of the plan's tables on both sides
     * @throws IllegalArgumentException when a table is missing from either side (the plan was not validated)
     */
    public static RunLayout layout(Plan plan, ServiceMetadata source, ServiceMetadata target,
                                   PlanRelationships relationships) {
        List<String> tables = plan.tables().stream().map(TableSpec::entitySet).toList();
        Set<String> planTables = Set.copyOf(tables);
        TableGraph graph = TableGraph.of(tables, source);
        List<TableLayout> rows = new ArrayList<>();
        List<TableLayout> passes = new ArrayList<>();
        for (TableSpec spec : plan.tables()) {
            String table = spec.entitySet();
            EntitySetInfo sourceSet = entitySet(source, table, "source");
            EntitySetInfo targetSet = entitySet(target, table, "target");
            List<String> select = ExtractionSelect.of(spec, sourceSet, source, keyColumns(spec, sourceSet, targetSet),
                    planTables);
            List<DeferredLookup> deferred = graph.deferredLookups(table);
            Set<String> deferredProperties = new LinkedHashSet<>();
            deferred.forEach(lookup -> deferredProperties.add(lookup.lookup()));
            List<OutsideLookup> outside = OutsideLookups.of(spec, sourceSet, source, select, planTables);
            // Each pass applies the rules of the lookups it writes: the rows all but the deferred ones.
            rows.add(new TableLayout(table, table, LoadPass.ROWS, select, graph.parents(table),
                    graph.releaseAfter(table), deferred, null,
                    outside.stream().filter(lookup -> !deferredProperties.contains(lookup.lookup())).toList()));
            if (!deferred.isEmpty()) {
                passes.add(pass(table, sourceSet, deferred, graph,
                        outside.stream().filter(lookup -> deferredProperties.contains(lookup.lookup())).toList()));
            }
        }
        if (plan.options().scheduleOrDefault() == Schedule.SEQUENTIAL) {
            // One entry at a time, in the order of the waves: the run's entries keep the layout's order.
            List<String> waveOrder = graph.waves().stream().flatMap(List::stream).toList();
            rows.sort(Comparator.comparingInt(row -> waveOrder.indexOf(row.table())));
        }
        AssociationEntries associations = AssociationEntries.of(tables, source, target, relationships);
        List<TableLayout> entries = new ArrayList<>(rows);
        entries.addAll(passes);
        entries.addAll(associations.entries());
        List<String> notes = new ArrayList<>(notes(graph.deferredLookups()));
        notes.addAll(associations.notes());
        return new RunLayout(entries, graph.waves(), graph.deferredLookups(), associations.associations(), notes);
    }

    /**
     * The table's deferred-lookups pass: it extracts the record id and the deferred lookups (the
     * plan's filter applies alike) and is released once the table's rows and every table its
     * deferred lookups point to are loaded, so that every value it writes resolves.
     */
    private static TableLayout pass(String table, EntitySetInfo sourceSet, List<DeferredLookup> deferred,
                                    TableGraph graph, List<OutsideLookup> outside) {
        Set<String> select = new LinkedHashSet<>(sourceSet.recordIdProperties());
        Set<String> gate = new LinkedHashSet<>();
        gate.add(table);
        for (DeferredLookup lookup : deferred) {
            select.add(lookup.lookup());
            gate.addAll(lookup.targets());
        }
        List<String> releaseAfter = graph.tables().stream().filter(gate::contains).toList();
        return new TableLayout(LookupPass.of(table), table, LoadPass.DEFERRED_LOOKUPS, List.copyOf(select),
                graph.parents(table), releaseAfter, deferred, null, outside);
    }

    private static List<String> keyColumns(TableSpec spec, EntitySetInfo sourceSet, EntitySetInfo targetSet) {
        if (spec.usesPrimaryKey()) {
            return sourceSet.recordIdProperties();
        }
        // The record id (the data topic's key) is always needed, and the alternate key's columns to match on.
        List<String> columns = new ArrayList<>(sourceSet.recordIdProperties());
        targetSet.alternateKey(spec.key()).map(AlternateKey::propertyNames).ifPresent(columns::addAll);
        return columns;
    }

    private static EntitySetInfo entitySet(ServiceMetadata metadata, String name, String side) {
        return metadata.entitySet(name).orElseThrow(() -> new IllegalArgumentException(
                "Entity set '" + name + "' is not in the " + side + " metadata: validate the plan before laying it out"));
    }

    /** One note per deferred lookup: which, where it points, why, and which pass writes it. */
    private static List<String> notes(List<DeferredLookup> deferred) {
        return deferred.stream()
                .map(lookup -> lookup.table() + "." + lookup.lookup() + " → " + String.join(", ", lookup.targets())
                        + " is written by the second pass " + LookupPass.of(lookup.table()) + " (" + lookup.reason()
                        + "): the rows are loaded without it first.")
                .toList();
    }
}
