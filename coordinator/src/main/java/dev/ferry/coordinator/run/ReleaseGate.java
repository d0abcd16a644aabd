package dev.ferry.coordinator.run;

import dev.ferry.common.contract.RunState;
import dev.ferry.common.contract.RunStatus;
import dev.ferry.common.contract.TableState;
import dev.ferry.common.contract.TableStatus;
import dev.ferry.common.plan.Schedule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decides which tables of a run may be released: those not released yet, not finished, whose
 * every table to wait for ({@link TableState#parents()}, fixed when the run was accepted) is
 * loaded. A table with nothing to wait for is released as soon as the run runs. In a
 * {@link Schedule#SEQUENTIAL sequential} run an entry also waits for the entry before it (the run's
 * entries are in wave order, passes and associations last), so one entry loads at a time.
 */
public final class ReleaseGate {

    private ReleaseGate() {
    }

    /** The tables to release now, in plan order; none unless the run is running. */
    public static List<String> releasable(RunState run) {
        if (run.status() != RunStatus.RUNNING) {
            return List.of();
        }
        return run.tables().entrySet().stream()
                .filter(entry -> !entry.getValue().released() && !TableTransitions.isFinished(entry.getValue()))
                .filter(entry -> waitingFor(run, entry.getKey()).isEmpty())
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The tables the table still waits for: those of its parents not loaded yet; none once released or finished. */
    public static List<String> waitingFor(RunState run, String table) {
        TableState state = run.tables().get(table);
        if (state == null || state.released() || TableTransitions.isFinished(state)) {
            return List.of();
        }
        List<String> waiting = new ArrayList<>(state.parents().stream()
                .filter(parent -> !isLoaded(run.tables().get(parent)))
                .distinct()
                .toList());
        if (run.plan().options().scheduleOrDefault() == Schedule.SEQUENTIAL) {
            String previous = previousEntry(run, table);
            if (previous != null && !isLoaded(run.tables().get(previous)) && !waiting.contains(previous)) {
                waiting.add(previous);
            }
        }
        return List.copyOf(waiting);
    }

    /** The entry before the table in the run's order, or {@code null} for the first. */
    private static String previousEntry(RunState run, String table) {
        String previous = null;
        for (String entry : run.tables().keySet()) {
            if (entry.equals(table)) {
                return previous;
            }
            previous = entry;
        }
        return null;
    }

    /** Whether every table of the run is loaded. */
    public static boolean allLoaded(RunState run) {
        return run.tables().values().stream().allMatch(ReleaseGate::isLoaded);
    }

    private static boolean isLoaded(TableState table) {
        return table != null && table.status() == TableStatus.LOADED;
    }
}
