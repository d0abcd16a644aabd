package dev.ferry.coordinator.api;

import dev.ferry.common.contract.RunState;
import dev.ferry.common.contract.RunStatus;
import dev.ferry.common.contract.TableState;
import dev.ferry.common.contract.TableStatus;
import dev.ferry.common.plan.Plan;
import dev.ferry.coordinator.CoordinatorConfig;
import dev.ferry.coordinator.plan.CheckedPlan;
import dev.ferry.coordinator.plan.PlanChecker;
import dev.ferry.coordinator.plan.RunLayout;
import dev.ferry.coordinator.plan.TableLayout;
import dev.ferry.coordinator.run.BrokerCalls;
import dev.ferry.coordinator.run.DeadLetterPage;
import dev.ferry.coordinator.run.DeadLetterReader;
import dev.ferry.coordinator.run.RunDetails;
import dev.ferry.coordinator.run.RunEngine;
import dev.ferry.coordinator.run.RunNotFoundException;
import dev.ferry.coordinator.run.RunRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.jboss.logging.Logger;

/** What the HTTP API does: the resource only maps HTTP onto these methods. */
@ApplicationScoped
public class MigrationService {

    private static final Logger LOG = Logger.getLogger(MigrationService.class);

    private final PlanChecker checker;
    private final RunEngine engine;
    private final RunRegistry registry;
    private final DeadLetterReader deadLetters;
    private final CoordinatorConfig config;
    private final Clock clock = Clock.systemUTC();

    @Inject
    public MigrationService(PlanChecker checker, RunEngine engine, RunRegistry registry, DeadLetterReader deadLetters,
                            CoordinatorConfig config) {
        this.checker = checker;
        this.engine = engine;
        this.registry = registry;
        this.deadLetters = deadLetters;
        this.config = config;
    }

    /**
     * Validates the plan and starts a run of it: returns once the run's state is durable; its
     * topics and tasks are created right after.
     *
     * @throws PlanRefusedException with every problem when the plan cannot run
     */
    public RunAccepted submit(String json) {
        registry.awaitReady(config.kafkaTimeout());
        CheckedPlan checked = checker.check(json);
        if (!checked.isValid()) {
            throw new PlanRefusedException(checked.problems());
        }
        Plan plan = checked.plan().orElseThrow();
        RunLayout layout = checked.layout();
        RunState run = newRun(RunIds.next(plan.name()), plan, layout, clock.instant());
        await(engine.accept(run, RunDetails.of(layout)), "writing the new run's state to ferry.runs");
        LOG.infof("Run %s accepted: plan '%s', %s → %s, %d table(s)", run.runId(), plan.name(), plan.source(),
                plan.target(), run.tables().size());
        return new RunAccepted(run.runId(), RunStatus.ACCEPTED);
    }

    /** The dry run: problems, or the load order and what each table extracts. */
    public ValidationReport validate(String json) {
        CheckedPlan checked = checker.check(json);
        if (!checked.isValid()) {
            return new ValidationReport(false, checked.problems(), List.of(), List.of(), List.of(), List.of(),
                    List.of());
        }
        RunLayout layout = checked.layout();
        return new ValidationReport(true, List.of(), layout.waves(), layout.tables(), layout.deferredLookups(),
                layout.associations(), layout.notes());
    }

    /** The newest runs first, at most {@code limit} (the configured default when {@code null}). */
    public List<RunSummary> history(Integer limit) {
        int max = limit == null ? config.historyLimit() : limit;
        if (max < 1) {
            throw new InvalidRequestException("limit must be at least 1, not " + max + ".");
        }
        registry.awaitReady(config.kafkaTimeout());
        return registry.newestFirst().stream().limit(max).map(RunViews::summary).toList();
    }

    /** @throws RunNotFoundException when there is no such run */
    public RunView run(String runId) {
        registry.awaitReady(config.kafkaTimeout());
        return RunViews.view(registry.get(runId).orElseThrow(() -> new RunNotFoundException(runId)));
    }

    /**
     * Cancels the run: its unfinished tables are cancelled.
     *
     * @throws RunNotFoundException when there is no such run
     * @throws dev.ferry.coordinator.run.RunAlreadyFinishedException when it has finished
     */
    public RunView cancel(String runId) {
        registry.awaitReady(config.kafkaTimeout());
        return RunViews.view(await(engine.cancel(runId), "cancelling run " + runId));
    }

    /**
     * A page of the run's dead letters.
     *
     * @throws RunNotFoundException when there is no such run
     */
    public DeadLetterPage errors(String runId, Long offset, Integer limit) {
        long skip = offset == null ? 0 : offset;
        int max = limit == null ? config.errors().defaultLimit() : limit;
        if (skip < 0) {
            throw new InvalidRequestException("offset must be 0 or more, not " + skip + ".");
        }
        if (max < 1 || max > config.errors().maxLimit()) {
            throw new InvalidRequestException("limit must be between 1 and " + config.errors().maxLimit() + ", not "
                    + max + ". Page through the errors with offset.");
        }
        registry.awaitReady(config.kafkaTimeout());
        registry.get(runId).orElseThrow(() -> new RunNotFoundException(runId));
        return deadLetters.read(runId, skip, max);
    }

    /**
     * The run as accepted: every entry (tables, deferred-lookups passes, associations) waiting, with its
     * gate, select and pass, in the layout's order (a sequential run runs them in that order).
     */
    static RunState newRun(String runId, Plan plan, RunLayout layout, Instant now) {
        Map<String, TableState> tables = new LinkedHashMap<>();
        for (TableLayout table : layout.tables()) {
            tables.put(table.table(), new TableState(TableStatus.WAITING, 0, 0, 0, Map.of(), false, false,
                    table.releaseAfter(), table.select(), null, table.pass(), table.deferredLookupProperties()));
        }
        return new RunState(runId, plan, RunStatus.ACCEPTED, tables, now, now, null, null, layout.notes());
    }

    private <T> T await(Future<T> future, String what) {
        return BrokerCalls.await(future, config.kafkaTimeout(), what);
    }
}
