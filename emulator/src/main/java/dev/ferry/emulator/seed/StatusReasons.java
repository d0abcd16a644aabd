package dev.ferry.emulator.seed;

import dev.ferry.emulator.schema.Column;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Which status reasons (statuscode) belong to which state (statecode), so that generated rows
 * pair them as Dataverse does. The crm tables whose statuses are not one per state are known by
 * name; elsewhere the statuses, in value order, are shared out evenly over the states.
 */
final class StatusReasons {
    /** Dataverse's lead and opportunity status reasons per state. */
    private static final Map<String, int[][]> KNOWN = Map.of(
            "lead", new int[][] {{1, 2}, {3}, {4, 5, 6, 7}},
            "opportunity", new int[][] {{1, 2}, {3}, {4, 5}});
    /** Most generated rows are active (the first state), as in a real environment. */
    static final double FIRST_STATE_SHARE = 0.8;

    private final int[] states;
    private final int[][] statusesByState;

    StatusReasons(String table, Column state, Column status) {
        this.states = sortedKeys(state.options());
        int[] statuses = status == null ? new int[0] : sortedKeys(status.options());
        int[][] known = KNOWN.get(table);
        if (known != null && known.length == states.length && covers(known, statuses)) {
            this.statusesByState = known;
        } else {
            this.statusesByState = shareOut(statuses, states.length);
        }
    }

    /** Picks a state, mostly the first. */
    int state(RowDraft row) {
        if (states.length == 1 || row.chance(FIRST_STATE_SHARE)) {
            return states[0];
        }
        return states[1 + row.random.nextInt(states.length - 1)];
    }

    /** A status reason of the state, or null when the table's statuses are unknown. */
    Integer status(RowDraft row, int state) {
        int index = Arrays.binarySearch(states, state);
        int[] candidates = index >= 0 ? statusesByState[index] : new int[0];
        return candidates.length == 0 ? null : candidates[row.random.nextInt(candidates.length)];
    }

    boolean hasStates() {
        return states.length > 0;
    }

    static int[] sortedKeys(Map<Integer, String> options) {
        return options.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    private static boolean covers(int[][] known, int[] statuses) {
        List<Integer> all = Arrays.stream(statuses).boxed().toList();
        return Arrays.stream(known).flatMapToInt(Arrays::stream).allMatch(all::contains);
    }

    private static int[][] shareOut(int[] statuses, int stateCount) {
        int[][] byState = new int[stateCount][];
        for (int s = 0; s < stateCount; s++) {
            int from = s * statuses.length / stateCount;
            int to = (s + 1) * statuses.length / stateCount;
            byState[s] = Arrays.copyOfRange(statuses, from, Math.max(to, Math.min(from + 1, statuses.length)));
        }
        return byState;
    }
}
