package dev.ferry.coordinator.plan;

import dev.ferry.common.metadata.EntitySetInfo;
import dev.ferry.common.metadata.Lookup;
import dev.ferry.common.metadata.LookupColumn;
import dev.ferry.common.metadata.Requiredness;
import dev.ferry.common.metadata.ServiceMetadata;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.Graphs;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.traverse.TopologicalOrderIterator;

/**
 * The tables of a plan and the lookups between them, as a directed graph from parent (the table
 * a lookup points to) to child, once {@link LookupDeferral} has deferred every self-reference and
 * the fewest lookups that break each cycle: what is left is acyclic, so tables release one after
 * another, parents first, and the deferred lookups are written by a second pass per table.
 * Should a cycle remain (a plan with {@link #problems()}, which is refused), its tables form one
 * strongly connected component and share a wave. Immutable.
 */
public final class TableGraph {

    private final List<String> tables;
    private final Graph<String, DefaultEdge> graph;
    private final Map<String, Map<String, List<String>>> lookupsByChild;
    private final LookupDeferral deferral;
    private final Map<String, Set<String>> componentOf = new HashMap<>();
    private final List<List<String>> waves;

    private TableGraph(List<String> tables, Graph<String, DefaultEdge> graph,
                       Map<String, Map<String, List<String>>> lookupsByChild, LookupDeferral deferral) {
        this.tables = List.copyOf(tables);
        this.graph = graph;
        this.lookupsByChild = lookupsByChild;
        this.deferral = deferral;
        KosarajuStrongConnectivityInspector<String, DefaultEdge> components =
                new KosarajuStrongConnectivityInspector<>(graph);
        for (Set<String> component : components.stronglyConnectedSets()) {
            component.forEach(table -> componentOf.put(table, Set.copyOf(component)));
        }
        this.waves = wavesOf(components.getCondensation());
    }

    /**
     * The graph of the plan's tables (entity sets, in plan order) from the lookups of each table's
     * source entity set; a table the source lacks has no lookups (the validator reports it).
     */
    public static TableGraph of(List<String> tables, ServiceMetadata source) {
        Set<String> inPlan = Set.copyOf(tables);
        List<LookupCandidate> candidates = new ArrayList<>();
        // child → parent → navigation properties, every lookup between different tables, deferred or not.
        Map<String, Map<String, List<String>>> lookupsByChild = new HashMap<>();
        for (String child : tables) {
            EntitySetInfo childSet = source.entitySet(child).orElse(null);
            if (childSet == null) {
                continue;
            }
            for (LookupColumn column : childSet.lookupColumns()) {
                Map<String, List<String>> byTarget = new LinkedHashMap<>();
                for (Lookup lookup : column.lookups()) {
                    for (String target : LookupTargets.of(lookup, source)) {
                        if (inPlan.contains(target)) {
                            byTarget.computeIfAbsent(target, key -> new ArrayList<>()).add(lookup.navigationProperty());
                        }
                    }
                }
                if (byTarget.isEmpty()) {
                    continue;
                }
                List<String> targets = tables.stream().filter(byTarget::containsKey).toList();
                LookupCandidate candidate = new LookupCandidate(child, column.foreignKeyProperty(), targets,
                        requiredness(column));
                candidates.add(candidate);
                byTarget.forEach((parent, navigations) -> {
                    if (!parent.equals(child)) {
                        lookupsByChild.computeIfAbsent(child, key -> new HashMap<>())
                                .computeIfAbsent(parent, key -> new ArrayList<>()).addAll(navigations);
                    }
                });
            }
        }
        LookupDeferral deferral = LookupDeferral.choose(tables, candidates);
        Graph<String, DefaultEdge> graph = new DefaultDirectedGraph<>(DefaultEdge.class);
        tables.forEach(graph::addVertex);
        for (LookupCandidate candidate : candidates) {
            if (deferral.isDeferred(candidate)) {
                continue;
            }
            candidate.targets().forEach(parent -> {
                if (parent.equals(candidate.table())) {
                    return;
                }
                graph.addEdge(parent, candidate.table());
            });
        }
        return new TableGraph(tables, graph, lookupsByChild, deferral);
    }

    /** A lookup column is required when one of its navigations is; optional when all are known optional. */
    private static Requiredness requiredness(LookupColumn column) {
        List<Requiredness> levels = column.lookups().stream().map(Lookup::requiredness).toList();
        if (levels.contains(Requiredness.REQUIRED)) {
            return Requiredness.REQUIRED;
        }
        return levels.stream().allMatch(Requiredness.OPTIONAL::equals) ? Requiredness.OPTIONAL : Requiredness.UNKNOWN;
    }

    /** The lookups deferred to a second pass, by table and lookup. */
    public List<DeferredLookup> deferredLookups() {
        return deferral.deferred();
    }

    /** The lookups of the table deferred to a second pass, by lookup. */
    public List<DeferredLookup> deferredLookups(String table) {
        return deferral.deferred().stream().filter(lookup -> lookup.table().equals(table)).toList();
    }

    /** Why the tables cannot be loaded in any order (a cycle of required lookups); empty when they can. */
    public List<String> problems() {
        return deferral.problems();
    }

    /** The tables, in plan order. */
    public List<String> tables() {
        return tables;
    }

    /** The tables the table's lookups point to, itself aside, deferred lookups included, in plan order. */
    public List<String> parents(String table) {
        return inPlanOrder(lookupsByChild.getOrDefault(table, Map.of()).keySet());
    }

    /**
     * The tables that must be loaded before the table's rows are released: the tables its lookups
     * that are not deferred point to, in plan order. (Should a cycle remain, in a refused plan: the
     * parents of every table of the cycle that are not in it.)
     */
    public List<String> releaseAfter(String table) {
        Set<String> component = componentOf.get(table);
        Set<String> gate = new LinkedHashSet<>();
        for (String member : component) {
            for (String parent : Graphs.predecessorListOf(graph, member)) {
                if (!component.contains(parent)) {
                    gate.add(parent);
                }
            }
        }
        return inPlanOrder(gate);
    }

    /**
     * The lookups from {@code child} to {@code parent} by navigation property (several for a
     * polymorphic lookup's tables or two lookups to the same table), deferred ones included; empty
     * when there is none.
     */
    public List<String> lookups(String child, String parent) {
        return List.copyOf(lookupsByChild.getOrDefault(child, Map.of()).getOrDefault(parent, List.of()));
    }

    /**
     * The load order: each wave's tables can load once every earlier wave is loaded. A table is in
     * the wave after its latest parent's, deferred lookups aside. Tables in plan order
     * within a wave.
     */
    public List<List<String>> waves() {
        return waves;
    }

    private List<List<String>> wavesOf(Graph<Graph<String, DefaultEdge>, DefaultEdge> condensation) {
        Map<Graph<String, DefaultEdge>, Integer> level = new HashMap<>();
        TopologicalOrderIterator<Graph<String, DefaultEdge>, DefaultEdge> order =
                new TopologicalOrderIterator<>(condensation);
        int deepest = -1;
        while (order.hasNext()) {
            Graph<String, DefaultEdge> component = order.next();
            int own = Graphs.predecessorListOf(condensation, component).stream()
                    .mapToInt(parent -> level.get(parent) + 1).max().orElse(0);
            level.put(component, own);
            deepest = Math.max(deepest, own);
        }
        List<List<String>> result = new ArrayList<>();
        for (int wave = 0; wave <= deepest; wave++) {
            List<String> members = new ArrayList<>();
            for (Map.Entry<Graph<String, DefaultEdge>, Integer> entry : level.entrySet()) {
                if (entry.getValue() == wave) {
                    members.addAll(entry.getKey().vertexSet());
                }
            }
            result.add(inPlanOrder(members));
        }
        return List.copyOf(result);
    }

    private List<String> inPlanOrder(Collection<String> subset) {
        return subset.stream().distinct().sorted(Comparator.comparingInt(tables::indexOf)).toList();
    }
}
