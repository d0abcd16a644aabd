package dev.ferry.coordinator.run;

import dev.ferry.common.contract.ControlMessage;
import dev.ferry.common.contract.ExtractionCompleted;
import dev.ferry.common.contract.ExtractionFailed;
import dev.ferry.common.contract.ExtractionProgress;
import dev.ferry.common.contract.FerryEvent;
import dev.ferry.common.contract.LoadProgress;
import dev.ferry.common.contract.RunState;
import dev.ferry.common.contract.RunStatus;
import dev.ferry.common.contract.TableCancelled;
import dev.ferry.common.contract.TableReleased;
import dev.ferry.common.contract.TableState;
import dev.ferry.common.contract.TableStatus;
import dev.ferry.common.plan.Plan;
import dev.ferry.common.plan.TableSpec;
import dev.ferry.coordinator.plan.LookupPass;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * How a run moves, as pure functions from its state to a {@link Step}: the new state and the
 * control messages to send. After every change the run is settled: tables whose parents are all
 * loaded are released, and a run whose every table is loaded has succeeded.
 *
 * <p>A failed table fails the run, and the run's unfinished tables are then cancelled (their
 * loaders and extractors stop): a run that failed does not go on loading half of a plan.
 */
public final class RunProgress {

    /** The reason sent with the cancellations of a run cancelled through the API. */
    public static final String CANCELLED_BY_REQUEST = "run cancelled on request";

    private static final Set<RunStatus> FINISHED = EnumSet.of(RunStatus.SUCCEEDED, RunStatus.FAILED,
            RunStatus.CANCELLED);

    private RunProgress() {
    }

    /** Whether nothing more will happen to the run. */
    public static boolean isFinished(RunState run) {
        return FINISHED.contains(run.status());
    }

    /** {@link #started(RunState, RunDetails, Instant)} of a run whose entries have no details. */
    public static Step started(RunState run, Instant now) {
        return started(run, RunDetails.none(), now);
    }

    /** Topics and extract tasks exist: the run runs, and the tables with nothing to wait for are released. */
    public static Step started(RunState run, RunDetails details, Instant now) {
        if (run.status() != RunStatus.ACCEPTED) {
            return Step.of(run);
        }
        return settle(withStatus(run, RunStatus.RUNNING, run.tables(), null, null), details, now);
    }

    /**
     * An extractor's or loader's event; a run or table that is finished keeps its status, and an
     * event for a table the run does not have changes nothing. A failed extraction fails the run.
     */
    public static Step on(RunState run, FerryEvent event, Instant now) {
        return on(run, RunDetails.none(), event, now);
    }

    /** An extractor's or loader's event, in a run with entry details (see {@link #on(RunState, FerryEvent, Instant)}). */
    public static Step on(RunState run, RunDetails details, FerryEvent event, Instant now) {
        if (!run.tables().containsKey(event.table())) {
            return Step.of(run);
        }
        if (event instanceof ExtractionFailed failure) {
            return failed(run, event.table(), "extraction failed: " + failure.reason(), now);
        }
        UnaryOperator<TableState> change;
        if (event instanceof ExtractionProgress progress) {
            change = table -> TableTransitions.extractionProgress(table, progress.records());
        } else if (event instanceof ExtractionCompleted completed) {
            change = table -> TableTransitions.extractionCompleted(table, completed.recordCount(),
                    completed.endOffsets());
        } else if (event instanceof LoadProgress progress) {
            change = table -> TableTransitions.loadProgress(table, progress.loaded(), progress.rejected());
        } else {
            return Step.of(run);
        }
        return settle(withTable(run, event.table(), change), details, now);
    }

    /** The loaders' committed offsets reached the table's end offsets. */
    public static Step tableLoaded(RunState run, String table, Instant now) {
        return tableLoaded(run, RunDetails.none(), table, now);
    }

    /** The loaders' committed offsets reached the table's end offsets, in a run with entry details. */
    public static Step tableLoaded(RunState run, RunDetails details, String table, Instant now) {
        if (!run.tables().containsKey(table)) {
            return Step.of(run);
        }
        return settle(withTable(run, table, TableTransitions::loaded), details, now);
    }

    /** A release could not be sent: the table is released again at the next settle. */
    public static Step releaseFailed(RunState run, String table) {
        if (!run.tables().containsKey(table)) {
            return Step.of(run);
        }
        return Step.of(withTable(run, table, TableTransitions::unreleased));
    }

    /**
     * The run cannot complete: {@code table} (or the run as a whole, when {@code null}) failed for
     * {@code reason}; every unfinished table is cancelled.
     */
    public static Step failed(RunState run, String table, String reason, Instant now) {
        if (isFinished(run)) {
            return Step.of(run);
        }
        RunState marked = table == null || !run.tables().containsKey(table) ? run
                : withTable(run, table, state -> TableTransitions.failed(state, reason));
        String runReason = table == null ? reason : "table " + table + " failed: " + reason;
        return finish(marked, RunStatus.FAILED, runReason, "run failed: " + runReason, now);
    }

    /** Cancelled on request: every unfinished table is cancelled. */
    public static Step cancelled(RunState run, Instant now) {
        if (isFinished(run)) {
            return Step.of(run);
        }
        return finish(run, RunStatus.CANCELLED, CANCELLED_BY_REQUEST, CANCELLED_BY_REQUEST, now);
    }

    /**
     * Releases tables whose parents are loaded and ends a run whose tables are all loaded. Tables
     * released here may complete the run only later, once they are loaded.
     */
    public static Step settle(RunState run, Instant now) {
        return settle(run, RunDetails.none(), now);
    }

    /** Settles a run with entry details: its releases carry them (see {@link #release(RunState, RunDetails, String)}). */
    public static Step settle(RunState run, RunDetails details, Instant now) {
        List<String> releasable = ReleaseGate.releasable(run);
        RunState next = run;
        List<ControlMessage> control = new ArrayList<>();
        for (String table : releasable) {
            next = withTable(next, table, TableTransitions::released);
            control.add(release(run, details, table));
        }
        if (next.status() == RunStatus.RUNNING && ReleaseGate.allLoaded(next)) {
            next = withStatus(next, RunStatus.SUCCEEDED, next.tables(), now, null);
        }
        return new Step(next, control);
    }

    /**
     * What a restarted coordinator sends again, since it cannot know whether it was sent before
     * it stopped: the release of every released table still loading, the cancellation of every
     * cancelled table. Both are idempotent (the control topic keeps the latest per table).
     */
    public static List<ControlMessage> resend(RunState run) {
        return resend(run, RunDetails.none());
    }

    /** What a restarted coordinator sends again of a run with entry details. */
    public static List<ControlMessage> resend(RunState run, RunDetails details) {
        List<ControlMessage> control = new ArrayList<>();
        run.tables().forEach((table, state) -> {
            if (state.status() == TableStatus.LOADING && state.released()) {
                control.add(release(run, details, table));
            } else if (state.status() == TableStatus.CANCELLED) {
                control.add(new TableCancelled(run.runId(), table, state.failure()));
            }
        });
        return control;
    }

    /**
     * The release of a table or of its deferred-lookups pass, with what the loaders need to write
     * it: the pass and the lookups the rows leave out and the pass writes.
     */
    public static TableReleased release(RunState run, String table) {
        return release(run, RunDetails.none(), table);
    }

    /**
     * The release of an entry with what its details add: the entity set it names (an associations
     * entry's intersect table), where associations are written, and the rules of the lookups that
     * can point outside the plan.
     */
    public static TableReleased release(RunState run, RunDetails details, String table) {
        Plan plan = run.plan();
        TableState state = run.tables().get(table);
        EntryDetails entry = details.entry(table).orElse(null);
        if (entry == null) {
            String ofTable = LookupPass.tableOf(table);
            String entitySet = plan.tables().stream()
                    .filter(spec -> spec != null && ofTable.equals(spec.entitySet()))
                    .map(TableSpec::entitySet)
                    .findFirst().orElse(ofTable);
            return new TableReleased(run.runId(), table, plan.target(), entitySet, plan.options().batchSize(),
                    plan.options().maxConcurrency(), state.pass(), state.deferredLookups());
        }
        return new TableReleased(run.runId(), table, plan.target(), entry.entitySet(), plan.options().batchSize(),
                plan.options().maxConcurrency(), state.pass(), state.deferredLookups(), entry.association(),
                entry.outsideLookups());
    }

    private static Step finish(RunState run, RunStatus status, String runReason, String tableReason, Instant now) {
        Map<String, TableState> tables = new LinkedHashMap<>();
        List<ControlMessage> control = new ArrayList<>();
        run.tables().forEach((table, state) -> {
            if (TableTransitions.isFinished(state)) {
                tables.put(table, state);
            } else {
                tables.put(table, TableTransitions.cancelled(state, tableReason));
                control.add(new TableCancelled(run.runId(), table, tableReason));
            }
        });
        return new Step(withStatus(run, status, tables, now, runReason), control);
    }

    private static RunState withTable(RunState run, String table, UnaryOperator<TableState> change) {
        TableState before = run.tables().get(table);
        TableState after = change.apply(before);
        if (after.equals(before)) {
            return run;
        }
        Map<String, TableState> tables = new LinkedHashMap<>(run.tables());
        tables.put(table, after);
        return new RunState(run.runId(), run.plan(), run.status(), tables, run.createdAt(), run.updatedAt(),
                run.finishedAt(), run.failure(), run.notes());
    }

    private static RunState withStatus(RunState run, RunStatus status, Map<String, TableState> tables,
                                       Instant finishedAt, String failure) {
        return new RunState(run.runId(), run.plan(), status, tables, run.createdAt(), run.updatedAt(), finishedAt,
                failure, run.notes());
    }
}
