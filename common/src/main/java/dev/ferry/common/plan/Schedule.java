package dev.ferry.common.plan;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a run orders its tables (PlanOptions' {@code schedule}), written in a plan in lower case. */
public enum Schedule {
    /**
     * The default: every extraction starts at once; a table is released when the tables its lookups
     * point to are loaded, so independent tables load in parallel.
     */
    DEPENDENCIES,
    /**
     * One entry at a time in the order of the waves: extract and load it, then the next. What the
     * hand-run one-dataflow-per-table procedure does; there for comparison and for targets that
     * must not take parallel load.
     */
    SEQUENTIAL;

    /** The schedule's name in a plan. */
    public String planName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The schedule a plan names, in any letter case. */
    public static Optional<Schedule> fromPlanName(String name) {
        return Arrays.stream(values()).filter(schedule -> schedule.planName().equalsIgnoreCase(name)).findFirst();
    }
}
