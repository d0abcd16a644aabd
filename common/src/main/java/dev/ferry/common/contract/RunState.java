package dev.ferry.common.contract;

import dev.ferry.common.plan.Plan;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A run as the coordinator keeps it on the compacted {@value Topics#RUNS}, keyed by run id: the
 * latest state per run is what a restarted coordinator rebuilds from. A skeleton: the
 * coordinator's issue fills in how it evolves.
 *
 * @param runId     the run
 * @param plan      the validated plan it runs
 * @param status    where the run stands
 * @param tables    each table's state, by table name, in plan order
 * @param createdAt when the run was accepted
 * @param updatedAt when this state was written
 */
public record RunState(String runId, Plan plan, RunStatus status, Map<String, TableState> tables, Instant createdAt,
                       Instant updatedAt) {

    public RunState {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(status, "status");
        tables = tables == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    }

    /** The record key on {@value Topics#RUNS}. */
    public String compactionKey() {
        return runId;
    }
}
