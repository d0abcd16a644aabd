package dev.ferry.coordinator.run;

import dev.ferry.common.contract.RunState;
import dev.ferry.common.contract.RunStatus;
import dev.ferry.common.contract.TableState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;

/**
 * The coordinator's gauges, read from the {@link RunRegistry} when scraped:
 * <ul>
 *   <li>{@code ferry.table.state{run,table}}: the table's status as the ordinal of
 *       {@link dev.ferry.common.contract.TableStatus} (0 waiting, 1 extracting, 2 loading,
 *       3 loaded, 4 failed, 5 cancelled);</li>
 *   <li>{@code ferry.run.records{run,kind}}: records extracted, loaded and rejected in the run;</li>
 *   <li>{@code ferry.runs{status}}: how many runs the coordinator knows in each status.</li>
 * </ul>
 */
@ApplicationScoped
public class RunMetrics {

    private static final String TABLE_STATE = "ferry.table.state";
    private static final String RUN_RECORDS = "ferry.run.records";
    private static final String RUNS = "ferry.runs";

    private final MeterRegistry meters;
    private final RunRegistry registry;
    private final Set<String> trackedTables = ConcurrentHashMap.newKeySet();
    private final Set<String> trackedRuns = ConcurrentHashMap.newKeySet();

    @Inject
    public RunMetrics(MeterRegistry meters, RunRegistry registry) {
        this.meters = meters;
        this.registry = registry;
    }

    @PostConstruct
    void registerRunCounts() {
        for (RunStatus status : RunStatus.values()) {
            Gauge.builder(RUNS, () -> registry.count(status))
                    .description("Runs the coordinator knows, by status")
                    .tag("status", status.name().toLowerCase(Locale.ROOT))
                    .strongReference(true)
                    .register(meters);
        }
    }

    /** Registers the gauges of the run and its tables, once each. */
    public void track(RunState run) {
        String runId = run.runId();
        if (trackedRuns.add(runId)) {
            records(runId, "extracted", TableState::extracted);
            records(runId, "loaded", TableState::loaded);
            records(runId, "rejected", TableState::rejected);
        }
        for (String table : run.tables().keySet()) {
            if (trackedTables.add(runId + "/" + table)) {
                Gauge.builder(TABLE_STATE, () -> registry.get(runId)
                                .map(current -> current.tables().get(table))
                                .map(state -> (Number) state.status().ordinal())
                                .orElse(Double.NaN))
                        .description("The table's status: 0 waiting, 1 extracting, 2 loading, 3 loaded, 4 failed,"
                                + " 5 cancelled")
                        .tags("run", runId, "table", table)
                        .strongReference(true)
                        .register(meters);
            }
        }
    }

    private void records(String runId, String kind, ToLongFunction<TableState> count) {
        Gauge.builder(RUN_RECORDS, () -> registry.get(runId)
                        .map(run -> (Number) run.tables().values().stream().mapToLong(count).sum())
                        .orElse(Double.NaN))
                .description("Records of the run: extracted, loaded (acknowledged by the target), rejected")
                .tags("run", runId, "kind", kind)
                .strongReference(true)
                .register(meters);
    }
}
