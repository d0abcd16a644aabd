package dev.ferry.coordinator.plan;

import dev.ferry.common.metadata.Requiredness;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.alg.cycle.CycleDetector;
import org.jgrapht.alg.shortestpath.BFSShortestPath;
import org.jgrapht.graph.AsSubgraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedPseudograph;

/**
 * Chooses the lookups to defer to a second pass so that the plan's tables can be loaded in an
 * order where every remaining lookup points to a table loaded before (issue 4, "Cycles and
 * self-references").
 *
 * <ol>
 *   <li>Every self-reference is deferred (a record may point to one of its own table not loaded
 *       yet). A polymorphic lookup that can point to its own table is one: deferring it defers all
 *       its tables, since the second pass writes its foreign key as a whole.</li>
 *   <li>Then each strongly connected component of more than one table (a cycle) gets the smallest
 *       set of its lookups whose removal makes it acyclic. Components are tiny in practice, so
 *       subsets are tried in increasing size: at most 2^{@value #MAX_CYCLE_CANDIDATES} subsets of a
 *       component's deferrable lookups (more candidates than that is refused as a problem rather
 *       than searched). Among sets of equal size the one with more lookups known to be optional
 *       wins, then the first by table and lookup name, so the choice is deterministic.</li>
 *   <li>A required lookup ({@link Requiredness#REQUIRED}) is never deferred; Dataverse's lookups
 *       are {@link Requiredness#UNKNOWN} in CSDL and taken as deferrable. A cycle that cannot be
 *       broken without one, and a required self-reference, are problems: the plan is refused.</li>
 * </ol>
 * Immutable.
 */
public final class LookupDeferral {

    /** The most deferrable lookups of one cycle that are searched for the smallest breaking set. */
    static final int MAX_CYCLE_CANDIDATES = 12;

    private static final String ARROW = "→";

    private final List<DeferredLookup> deferred;
    private final Set<LookupCandidate> deferredCandidates;
    private final List<String> problems;

    private LookupDeferral(List<DeferredLookup> deferred, Set<LookupCandidate> deferredCandidates,
                           List<String> problems) {
        this.deferred = List.copyOf(deferred);
        this.deferredCandidates = Set.copyOf(deferredCandidates);
        this.problems = List.copyOf(problems);
    }

    /**
     * @param tables     the plan's tables
     * @param candidates every lookup of a plan's table to tables of the plan
     */
    static LookupDeferral choose(List<String> tables, List<LookupCandidate> candidates) {
        List<LookupCandidate> sorted = candidates.stream()
                .sorted(Comparator.comparing(LookupCandidate::table).thenComparing(LookupCandidate::lookup))
                .toList();
        Graph<String, LookupArc> full = graphOf(tables, sorted);
        List<DeferredLookup> deferred = new ArrayList<>();
        Set<LookupCandidate> chosen = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (LookupCandidate candidate : sorted) {
            if (!candidate.isSelfReference()) {
                continue;
            }
            if (!candidate.isDeferrable()) {
                problems.add("Lookup " + candidate.describe() + " points to its own table and is required, so it"
                        + " cannot be deferred to a second pass and its records cannot be loaded in any order."
                        + " Make the lookup optional in the source, or leave it out of the plan.");
                continue;
            }
            chosen.add(candidate);
            deferred.add(new DeferredLookup(candidate.table(), candidate.lookup(), candidate.targets(),
                    selfReferenceReason(full, candidate)));
        }
        Graph<String, LookupArc> rest = graphOf(tables, sorted.stream().filter(c -> !chosen.contains(c)).toList());
        for (Set<String> component : new KosarajuStrongConnectivityInspector<>(rest).stronglyConnectedSets()) {
            if (component.size() > 1) {
                breakCycle(rest, component, sorted, chosen, deferred, problems);
            }
        }
        deferred.sort(Comparator.comparing(DeferredLookup::table).thenComparing(DeferredLookup::lookup));
        return new LookupDeferral(deferred, chosen, problems);
    }

    /** The deferred lookups, by table and lookup name. */
    public List<DeferredLookup> deferred() {
        return deferred;
    }

    /** Whether the candidate is deferred. */
    boolean isDeferred(LookupCandidate candidate) {
        return deferredCandidates.contains(candidate);
    }

    /** Why the plan cannot be loaded in any order, for people; empty when it can. */
    public List<String> problems() {
        return problems;
    }

    private static void breakCycle(Graph<String, LookupArc> rest, Set<String> component,
                                   List<LookupCandidate> sorted, Set<LookupCandidate> chosen,
                                   List<DeferredLookup> deferred, List<String> problems) {
        Graph<String, LookupArc> cycle = new AsSubgraph<>(rest, component);
        List<LookupCandidate> inCycle = sorted.stream()
                .filter(candidate -> !chosen.contains(candidate) && component.contains(candidate.table())
                        && candidate.targets().stream().anyMatch(component::contains))
                .toList();
        List<LookupCandidate> deferrable = inCycle.stream().filter(LookupCandidate::isDeferrable).toList();
        List<LookupCandidate> required = inCycle.stream().filter(candidate -> !candidate.isDeferrable()).toList();
        String tablesText = component.stream().sorted().collect(Collectors.joining(", "));
        if (deferrable.size() > MAX_CYCLE_CANDIDATES) {
            problems.add("Tables " + tablesText + " refer to each other through " + deferrable.size()
                    + " deferrable lookups; Ferry searches the fewest to defer among at most " + MAX_CYCLE_CANDIDATES
                    + ". Split the plan, or leave some of these lookups' tables out.");
            return;
        }
        Optional<List<LookupCandidate>> best = smallestBreakingSet(cycle, deferrable);
        if (best.isEmpty()) {
            problems.add("Tables " + tablesText + " refer to each other in a cycle that no deferrable lookup breaks: "
                    + describe(required) + (required.size() == 1 ? " is" : " are")
                    + " required, so cannot be deferred to a second pass, and no table of the cycle can be loaded"
                    + " first. Make one of these lookups optional in the source, or leave one of the tables out.");
            return;
        }
        for (LookupCandidate candidate : best.get()) {
            chosen.add(candidate);
            deferred.add(new DeferredLookup(candidate.table(), candidate.lookup(), candidate.targets(),
                    "breaks cycle " + cyclePath(cycle, candidate).orElse(tablesText)));
        }
    }

    /** The smallest set, in increasing size, then with the most known-optional lookups, then first in name order. */
    private static Optional<List<LookupCandidate>> smallestBreakingSet(Graph<String, LookupArc> cycle,
                                                                      List<LookupCandidate> deferrable) {
        for (int size = 1; size <= deferrable.size(); size++) {
            List<LookupCandidate> best = null;
            long bestOptional = -1;
            for (List<LookupCandidate> subset : subsets(deferrable, size)) {
                if (isAcyclicWithout(cycle, subset)) {
                    long optional = subset.stream()
                            .filter(candidate -> candidate.requiredness() == Requiredness.OPTIONAL).count();
                    if (optional > bestOptional) {
                        best = subset;
                        bestOptional = optional;
                    }
                }
            }
            if (best != null) {
                return Optional.of(best);
            }
        }
        return Optional.empty();
    }

    /** Every subset of that size, in lexicographic order of the candidates' positions. */
    private static List<List<LookupCandidate>> subsets(List<LookupCandidate> candidates, int size) {
        List<List<LookupCandidate>> result = new ArrayList<>();
        int[] index = new int[size];
        for (int i = 0; i < size; i++) {
            index[i] = i;
        }
        while (true) {
            List<LookupCandidate> subset = new ArrayList<>(size);
            for (int i : index) {
                subset.add(candidates.get(i));
            }
            result.add(subset);
            int position = size - 1;
            while (position >= 0 && index[position] == candidates.size() - size + position) {
                position--;
            }
            if (position < 0) {
                return result;
            }
            index[position]++;
            for (int i = position + 1; i < size; i++) {
                index[i] = index[i - 1] + 1;
            }
        }
    }

    private static boolean isAcyclicWithout(Graph<String, LookupArc> cycle, List<LookupCandidate> removed) {
        Set<LookupCandidate> gone = Set.copyOf(removed);
        Graph<String, LookupArc> remaining = new AsSubgraph<>(cycle, cycle.vertexSet(), cycle.edgeSet().stream()
                .filter(arc -> !gone.contains(arc.candidate())).collect(Collectors.toSet()));
        return !new CycleDetector<>(remaining).detectCycles();
    }

    /** {@code child→target→…→child} through the cycle's other lookups, from the lookup's first target in it. */
    private static Optional<String> cyclePath(Graph<String, LookupArc> cycle, LookupCandidate candidate) {
        for (String target : candidate.targets()) {
            if (!target.equals(candidate.table()) && cycle.containsVertex(target)) {
                GraphPath<String, LookupArc> back = BFSShortestPath.findPathBetween(cycle, target, candidate.table());
                if (back != null) {
                    return Optional.of(candidate.table() + ARROW + String.join(ARROW, back.getVertexList()));
                }
            }
        }
        return Optional.empty();
    }

    /** "self-reference", and the cycle between tables its other targets would have closed, if any. */
    private static String selfReferenceReason(Graph<String, LookupArc> full, LookupCandidate candidate) {
        return cyclePath(full, candidate).map(path -> "self-reference; also breaks cycle " + path)
                .orElse("self-reference");
    }

    private static String describe(List<LookupCandidate> candidates) {
        return candidates.isEmpty() ? "no lookup"
                : candidates.stream().map(LookupCandidate::describe).collect(Collectors.joining(", "));
    }

    /** Child → target per lookup and target: a multigraph, so that two lookups between the same tables stay two. */
    private static Graph<String, LookupArc> graphOf(List<String> tables, List<LookupCandidate> candidates) {
        Graph<String, LookupArc> graph = new DirectedPseudograph<>(LookupArc.class);
        tables.forEach(graph::addVertex);
        for (LookupCandidate candidate : candidates) {
            for (String target : candidate.targets()) {
                if (graph.containsVertex(target) && graph.containsVertex(candidate.table())) {
                    graph.addEdge(candidate.table(), target, new LookupArc(candidate));
                }
            }
        }
        return graph;
    }

    /** One edge of a lookup; identity-equal, so that each lookup and target has its own. */
    static final class LookupArc extends DefaultEdge {

        private final LookupCandidate candidate;

        LookupArc(LookupCandidate candidate) {
            this.candidate = candidate;
        }

        LookupCandidate candidate() {
            return candidate;
        }
    }
}
