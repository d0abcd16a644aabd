package dev.ferry.coordinator.run;

import dev.ferry.common.contract.ControlMessage;
import dev.ferry.common.contract.ExtractTask;
import dev.ferry.common.contract.FerryEvent;
import dev.ferry.common.contract.RunState;
import dev.ferry.common.contract.RunStatus;
import dev.ferry.common.contract.TableReleased;
import dev.ferry.common.contract.TableState;
import dev.ferry.common.plan.TableSpec;
import dev.ferry.coordinator.CoordinatorConfig;
import dev.ferry.coordinator.plan.LookupPass;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /**
     * A new run, validated and laid out: it is stored, and once its state is durable its topics
     * and tasks are created. The future completes when the state is durable.
     */
    public CompletableFuture<Void> accept(RunState run) {
        return onEngine(() -> {
            registry.put(run);
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
            return change(event.runId(), current -> RunProgress.on(current, event, clock.instant()));
        });
    }

    /** The loaders finished the table. */
    public void tableLoaded(String runId, String table) {
        onEngine(() -> change(runId, run -> RunProgress.tableLoaded(run, table, clock.instant())));
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
                    change(run.runId(), current -> RunProgress.settle(current, clock.instant()));
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
                List<ControlMessage> again = RunProgress.resend(run);
                if (!again.isEmpty()) {
                    LOG.infof("Run %s (%s): sending %d release(s)/cancellation(s) again, as the coordinator may have"
                            + " stopped before they were sent", run.runId(), run.status(), again.size());
                }
                send(run.runId(), again);
                if (run.status() == RunStatus.RUNNING) {
                    change(run.runId(), current -> RunProgress.settle(current, clock.instant()));
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
                for (ExtractTask task : tasks(run)) {
                    sent.add(dispatcher.send(task));
                }
                CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
                        .get(config.kafkaTimeout().toMillis(), TimeUnit.MILLISECONDS);
                LOG.infof("Run %s started: %d extract task(s) sent", runId, sent.size());
                onEngine(() -> change(runId, current -> RunProgress.started(current, clock.instant())));
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

    private static List<ExtractTask> tasks(RunState run) {
        List<ExtractTask> tasks = new ArrayList<>();
        for (Map.Entry<String, TableState> table : run.tables().entrySet()) {
            // A deferred-lookups pass extracts its table's records, with the plan's filter.
            String ofTable = LookupPass.tableOf(table.getKey());
            TableSpec spec = run.plan().tables().stream()
                    .filter(candidate -> ofTable.equals(candidate.entitySet()))
                    .findFirst().orElseThrow();
            tasks.add(new ExtractTask(run.runId(), table.getKey(), spec.entitySet(), table.getValue().select(),
                    spec.filter(), run.plan().options().pageSize(), run.plan().source(), null));
        }
        return tasks;
    }

    /** On the engine's thread: applies a change to a run, stores it, sends its messages, has it written. */
    private CompletableFuture<Void> change(String runId, Function<RunState, Step> change) {
        RunState before = registry.get(runId).orElse(null);
        if (before == null) {
            return CompletableFuture.completedFuture(null);
        }
        Step step = change.apply(before);
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

    /** Sends control messages; a release that could not be sent is undone, to be released again. */
    private void send(String runId, List<ControlMessage> messages) {
        for (ControlMessage message : messages) {
            if (message instanceof TableReleased) {
                LOG.infof("Run %s: table %s released", runId, message.table());
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
