package dev.ferry.coordinator.run;

import dev.ferry.coordinator.CoordinatorConfig;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Writes changed runs to {@code ferry.runs}, debounced: a run changed many times within
 * {@code ferry.coordinator.state-flush-interval} is written once, with its latest state. Whoever
 * changed a run gets a future that completes once a state with the change is durable; a failed
 * write is tried again at the next flush, so the future waits rather than fails.
 */
@ApplicationScoped
public class RunStateWriter {

    private static final Logger LOG = Logger.getLogger(RunStateWriter.class);

    private final RunStateLog log;
    private final RunRegistry registry;
    private final CoordinatorConfig config;
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(
            runnable -> new Thread(runnable, "ferry-run-state-writer"));
    private Map<String, List<CompletableFuture<Void>>> pending = new HashMap<>();

    @Inject
    public RunStateWriter(RunStateLog log, RunRegistry registry, CoordinatorConfig config) {
        this.log = log;
        this.registry = registry;
        this.config = config;
    }

    @PostConstruct
    void schedule() {
        long interval = config.stateFlushInterval().toMillis();
        flusher.scheduleWithFixedDelay(this::flush, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** The run changed; the future completes once its state (this change included) is durable. */
    public synchronized CompletableFuture<Void> changed(String runId) {
        CompletableFuture<Void> durable = new CompletableFuture<>();
        pending.computeIfAbsent(runId, id -> new ArrayList<>()).add(durable);
        return durable;
    }

    private void flush() {
        Map<String, List<CompletableFuture<Void>>> batch;
        synchronized (this) {
            if (pending.isEmpty()) {
                return;
            }
            batch = pending;
            pending = new HashMap<>();
        }
        batch.forEach((runId, waiting) -> registry.get(runId).ifPresentOrElse(
                run -> log.write(run, registry.details(runId)).whenComplete((ignored, error) -> {
                    if (error == null) {
                        waiting.forEach(durable -> durable.complete(null));
                    } else {
                        LOG.errorf("Could not write the state of run %s to ferry.runs (trying again): %s", runId,
                                error.getMessage());
                        requeue(runId, waiting);
                    }
                }),
                () -> {
                    LOG.errorf("Run %s changed but is not in the registry: nothing to write", runId);
                    waiting.forEach(durable -> durable.complete(null));
                }));
    }

    private synchronized void requeue(String runId, List<CompletableFuture<Void>> waiting) {
        pending.computeIfAbsent(runId, id -> new ArrayList<>()).addAll(waiting);
    }

    void stop(@Observes ShutdownEvent event) {
        flusher.shutdown();
        // The last changes are written before the producer closes: they would otherwise be
        // replayed from events that were not acknowledged, which is harmless but slower.
        flush();
    }
}
