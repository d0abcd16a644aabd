package dev.ferry.coordinator.run;

import dev.ferry.common.contract.ControlMessage;
import dev.ferry.common.contract.ExtractTask;
import dev.ferry.common.contract.FerryEvent;
import dev.ferry.common.contract.RunState;
import dev.ferry.common.contract.RunStatus;
import dev.ferry.common.contract.TableReleased;
import dev.ferry.common.contract.TableState;
import dev.ferry.common.plan.Schedule;
import dev.ferry.common.plan.TableSpec;
import dev.ferry.coordinator.CoordinatorConfig;
import dev.ferry.coordinator.plan.AssociationPass;
import dev.ferry.coordinator.plan.LookupPass;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Where runs change. Every change runs on one thread, in the order it was submitted, so that no
 * two changes of a run race; the change itself is a pure function ({@link RunProgress}), and
 * the engine puts its result in the {@link RunRegistry}, sends its control messages and has the
 * state written ({@link RunStateWriter}). Slow work (creating topics, sending tasks) runs on a
 * second thread and comes back as a change.
 *
 * <p>A run on the default schedule sends every extract task when it starts. A
 * {@link Schedule#SEQUENTIAL sequential} run sends an entry's extract task together with its
 * release, one entry at a time ({@link ReleaseGate}); a restarted coordinator sends both again for
 * the entry in flight (an extractor that finished the task only reports its completion again).
 *
 * <p>The engine's thread waits for the runs rebuilt at startup before it handles anything, so an
 * event that arrives early is applied to the run it belongs to, not dropped.
 */
@ApplicationScoped
public class RunEngine {

    private static final Logger LOG = Logger.getLogger(RunEngine.class);

    private final RunRegistry registry;
    private final RunStateWriter writer;
    private final Dispatcher dispatcher;
    private final TopicProvisioner topics;
    private final RunMetrics metrics;
    private final CoordinatorConfig config;
    private final Clock clock;
    private final ExecutorService engine = Executors.newSingleThreadExecutor(
            runnable -> new Thread(runnable, "ferry-run-engine"));
    private final ExecutorService starter = Executors.newSingleThreadExecutor(
            runnable -> new Thread(runnable, "ferry-run-starter"));

    @Inject
    public RunEngine(RunRegistry registry, RunStateWriter writer, Dispatcher dispatcher, TopicProvisioner topics,
                     RunMetrics metrics, CoordinatorConfig config) {
        this.registry = registry;
        this.writer = writer;
        this.dispatcher = dispatcher;
        this.topics = topics;
        this.metrics = metrics;
        this.config = config;
        this.clock = Clock.systemUTC();
    }

    @PostConstruct
    void holdUntilReady() {
        engine.execute(() -> {
            try {
                registry.ready().join();
            } catch (RuntimeException e) {
                LOG.error("The runs could not be rebuilt: the engine handles changes without them", e);
            }
        });
    }

    /** A new run whose entries are what its plan says (no details). */
    public CompletableFuture<Void> accept(RunState run) {
        return accept(run, RunDetails.none());
    }

    /**
     * A new run, validated and laid out, with its entries' details: it is stored, and once its
     * state is durable its topics and tasks are created. The future completes when the state is durable.
     */
    public CompletableFuture<Void> accept(RunState run, RunDetails details) {
        return onEngine(() -> {
            registry.put(run, details);
            metrics.track(run);
            CompletableFuture<Void> durable = writer.changed(run.runId());
            durable.thenRun(() -> start(run.runId()));
            return durable;
        }).thenCompose(Function.identity());
    }

    /**
     * Applies an event from an extractor or a loader. The returned future completes once the
     * event was applied, with a future that completes once the changed state is durable (when
     * the event may be acknowledged).
     */
    public CompletableFuture<CompletableFuture<Void>> apply(FerryEvent event) {
        return onEngine(() -> {
            RunState run = registry.get(event.runId()).orElse(null);
            if (run == null) {
                LOG.warnf("Ignored %s for run %s, which this coordinator does not know",
                        event.getClass().getSimpleName(), event.runId());
                return CompletableFuture.completedFuture(null);
            }
            if (!run.tables().containsKey(event.table())) {
                LOG.warnf("Ignored %s for table %s, which run %s does not have", event.getClass().getSimpleName(),
                        event.table(), event.runId());
                return CompletableFuture.completedFuture(null);
            }
            return change(event.runId(), current -> RunProgress.on(current, registry.details(event.runId()), event,
                    clock.instant()));
        });
    }

    /** The loaders finished the table. */
    public void tableLoaded(String runId, String table) {
        onEngine(() -> change(runId, run -> RunProgress.tableLoaded(run, registry.details(runId), table,
                clock.instant())));
    }

    /**
     * Cancels the run: its unfinished tables are cancelled on {@code ferry.control}.
     *
     * @return the run once cancelled and durable
     * @throws RunNotFoundException      (in the future) when there is no such run
     * @throws RunAlreadyFinishedException (in the future) when the run has finished
     */
    public CompletableFuture<RunState> cancel(String runId) {
        return onEngine(() -> {
            RunState run = registry.get(runId).orElseThrow(() -> new RunNotFoundException(runId));
            if (RunProgress.isFinished(run)) {
                throw new RunAlreadyFinishedException(run);
            }
            LOG.infof("Run %s cancelled on request", runId);
            return change(runId, current -> RunProgress.cancelled(current, clock.instant()))
                    .thenApply(ignored -> registry.get(runId).orElseThrow());
        }).thenCompose(Function.identity());
    }

    /** Releases what may be released and completes what is complete, in every running run. */
    public void reconcile() {
        onEngine(() -> {
            for (RunState run : registry.newestFirst()) {
                if (run.status() == RunStatus.RUNNING) {
                    change(run.runId(), current -> RunProgress.settle(current, registry.details(current.runId()),
                            clock.instant()));
                }
            }
            return null;
        });
    }

    /**
     * Carries on with the runs rebuilt at startup: a run not started yet is started (again), the
     * releases of running runs and the cancellations of finished ones are sent again.
     */
    public void resume() {
        onEngine(() -> {
            for (RunState run : registry.newestFirst()) {
                metrics.track(run);
                if (run.status() == RunStatus.ACCEPTED) {
                    LOG.infof("Starting run %s again: it was accepted before the coordinator stopped", run.runId());
                    start(run.runId());
                    continue;
                }
                List<ControlMessage> again = RunProgress.resend(run, registry.details(run.runId()));
                if (!again.isEmpty()) {
                    LOG.infof("Run %s (%s): sending %d release(s)/cancellation(s) again, as the coordinator may have"
                            + " stopped before they were sent", run.runId(), run.status(), again.size());
                }
                send(run.runId(), again);
                if (run.status() == RunStatus.RUNNING) {
                    change(run.runId(), current -> RunProgress.settle(current, registry.details(current.runId()),
                            clock.instant()));
                }
            }
            return null;
        });
    }

    /** Creates the run's topics and sends its extract tasks, off the engine's thread; then the run runs. */
    private void start(String runId) {
        starter.execute(() -> {
            RunState run = registry.get(runId).orElse(null);
            if (run == null || run.status() != RunStatus.ACCEPTED) {
                return;
            }
            try {
                topics.createRunTopics(runId, run.tables().keySet());
                List<CompletableFuture<Void>> sent = new ArrayList<>();
                if (!isSequential(run)) {
                    for (String entry : run.tables().keySet()) {
                        sent.add(dispatcher.send(task(run, registry.details(runId), entry)));
                    }
                }
                CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
                        .get(config.kafkaTimeout().toMillis(), TimeUnit.MILLISECONDS);
                if (isSequential(run)) {
                    LOG.infof("Run %s started on the sequential schedule: each extract task goes with its release",
                            runId);
                } else {
                    LOG.infof("Run %s started: %d extract task(s) sent", runId, sent.size());
                }
                onEngine(() -> change(runId, current -> RunProgress.started(current, registry.details(runId),
                        clock.instant())));
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                String reason = "could not start: " + describe(e);
                LOG.errorf(e, "Run %s %s", runId, reason);
                onEngine(() -> change(runId, current -> RunProgress.failed(current, null, reason, clock.instant())));
            }
        });
    }

    /**
     * The entry's extract task: a table's rows or deferred-lookups pass read its entity set with the
     * plan's filter; associations read their intersect table whole (the entity set of its details).
     */
    private static ExtractTask task(RunState run, RunDetails details, String entry) {
        TableState state = run.tables().get(entry);
        String ofTable = LookupPass.tableOf(entry);
        TableSpec spec = run.plan().tables().stream()
                .filter(candidate -> ofTable.equals(candidate.entitySet()))
                .findFirst().orElse(null);
        String entitySet = details.entry(entry).map(EntryDetails::entitySet)
                .orElse(spec == null ? null : spec.entitySet());
        if (entitySet == null || (spec == null && !AssociationPass.isAssociations(entry))) {
            throw new IllegalStateException("Run " + run.runId() + " has entry " + entry + " but neither a table of"
                    + " that name in its plan nor its details: its state on ferry.runs is incomplete; cancel the run"
                    + " and start it again");
        }
        String filter = spec == null ? null : spec.filter();
        return new ExtractTask(run.runId(), entry, entitySet, state.select(), filter, run.plan().options().pageSize(),
                run.plan().source(), null);
    }

    private static boolean isSequential(RunState run) {
        return run.plan().options().scheduleOrDefault() == Schedule.SEQUENTIAL;
    }

    /** On the engine's thread: applies a change to a run, stores it, sends its messages, has it written. */
    private CompletableFuture<Void> change(String runId, Function<RunState, Step> change) {
        RunState before = registry.get(runId).orElse(null);
        if (before == null) {
            return CompletableFuture.completedFuture(null);
        }
        Step step;
        try {
            step = change.apply(before);
        } catch (RuntimeException e) {
            // Nothing else would tell: not every caller awaits the engine's futures.
            LOG.errorf(e, "Run %s: a change could not be applied; the run stays as it was", runId);
            return CompletableFuture.completedFuture(null);
        }
        if (step.state().equals(before) && step.control().isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        RunState after = new RunState(step.state().runId(), step.state().plan(), step.state().status(),
                step.state().tables(), step.state().createdAt(), clock.instant(), step.state().finishedAt(),
                step.state().failure(), step.state().notes());
        registry.put(after);
        metrics.track(after);
        if (after.status() != before.status()) {
            LOG.infof("Run %s is %s%s", runId, after.status(), after.failure() == null ? "" : ": " + after.failure());
        }
        send(runId, step.control());
        return writer.changed(runId);
    }

    /**
     * Sends control messages; in a sequential run each release goes with its entry's extract task. A release (or task) that could not be sent
     * is undone, to be released again.
     */
    private void send(String runId, List<ControlMessage> messages) {
        RunState current = registry.get(runId).orElse(null);
        RunDetails details = registry.details(runId);
        for (ControlMessage message : messages) {
            if (message instanceof TableReleased) {
                LOG.infof("Run %s: table %s released", runId, message.table());
                if (current != null && isSequential(current) && !sendTask(current, details, message.table())) {
                    continue;
                }
            }
            dispatcher.send(message).whenComplete((ignored, error) -> {
                if (error == null) {
                    return;
                }
                LOG.errorf("Run %s: could not send %s of table %s to ferry.control: %s", runId,
                        message.getClass().getSimpleName(), message.table(), describe(error));
                if (message instanceof TableReleased) {
                    onEngine(() -> change(runId, run -> RunProgress.releaseFailed(run, message.table())));
                }
            });
        }
    }

    /** Sends the entry's extract task; false (and the entry is to be released again) when it cannot be built. */
    private boolean sendTask(RunState run, RunDetails details, String entry) {
        ExtractTask task;
        try {
            task = task(run, details, entry);
        } catch (IllegalStateException e) {
            LOG.errorf("Run %s: %s", run.runId(), e.getMessage());
            onEngine(() -> change(run.runId(), current -> RunProgress.failed(current, entry, e.getMessage(),
                    clock.instant())));
            return false;
        }
        dispatcher.send(task).whenComplete((ignored, error) -> {
            if (error != null) {
                LOG.errorf("Run %s: could not send the extract task of %s to ferry.tasks.extract (releasing it"
                        + " again): %s", run.runId(), entry, describe(error));
                onEngine(() -> change(run.runId(), current -> RunProgress.releaseFailed(current, entry)));
            }
        });
        return true;
    }

    private <T> CompletableFuture<T> onEngine(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, engine);
    }

    private static String describe(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof java.util.concurrent.ExecutionException
                || cause instanceof java.util.concurrent.CompletionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    void stop(@Observes ShutdownEvent event) {
        starter.shutdownNow();
        engine.shutdown();
    }
}
