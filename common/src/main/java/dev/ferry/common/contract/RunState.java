package dev.ferry.common.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.ferry.common.plan.Plan;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A run as the coordinator keeps it on the compacted {@value Topics#RUNS}, keyed by run id: the
 * latest state per run is what a restarted coordinator rebuilds from.
 *
 * @param runId      the run
 * @param plan       the validated plan it runs
 * @param status     where the run stands
 * @param tables     each table's state, by table name, in plan order
 * @param createdAt  when the run was accepted
 * @param updatedAt  when this state was written
 * @param finishedAt when the run succeeded, failed or was cancelled; {@code null} while it runs
 * @param failure    why the run failed or was cancelled, for people; {@code null} otherwise
 * @param notes      what people should know about the run, e.g. which lookups a second pass writes and why
 */
public record RunState(String runId, Plan plan, RunStatus status, Map<String, TableState> tables, Instant createdAt,
                       Instant updatedAt, Instant finishedAt, String failure, List<String> notes) {

    @JsonCreator
    public RunState {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(status, "status");
        tables = tables == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** A state without finish time, failure or notes, as the first version of the contract had it. */
    public RunState(String runId, Plan plan, RunStatus status, Map<String, TableState> tables, Instant createdAt,
                    Instant updatedAt) {
        this(runId, plan, status, tables, createdAt, updatedAt, null, null, List.of());
    }

    /** The record key on {@value Topics#RUNS}. */
    public String compactionKey() {
        return runId;
    }
}
