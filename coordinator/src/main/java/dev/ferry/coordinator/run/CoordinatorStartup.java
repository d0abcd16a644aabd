package dev.ferry.coordinator.run;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * What the coordinator does before it serves runs: creates the shared topics if absent, rebuilds
 * every run from {@code ferry.runs} (read to its end), carries on with the runs in flight and
 * starts watching the loaders. If Kafka cannot be reached the coordinator does not start.
 */
@ApplicationScoped
public class CoordinatorStartup {

    private static final Logger LOG = Logger.getLogger(CoordinatorStartup.class);

    private final TopicProvisioner topics;
    private final RunStateLog log;
    private final RunRegistry registry;
    private final RunEngine engine;
    private final LoadWatcher watcher;
    private final DataTopicRetention retention;

    @Inject
    public CoordinatorStartup(TopicProvisioner topics, RunStateLog log, RunRegistry registry, RunEngine engine,
                              LoadWatcher watcher, DataTopicRetention retention) {
        this.topics = topics;
        this.log = log;
        this.registry = registry;
        this.engine = engine;
        this.watcher = watcher;
        this.retention = retention;
    }

    void onStart(@Observes StartupEvent event) {
        long started = System.nanoTime();
        try {
            topics.ensureSharedTopics();
            Map<String, StoredRun> runs = log.readAll();
            registry.rebuilt(runs);
            long inFlight = runs.values().stream().filter(run -> !RunProgress.isFinished(run.state())).count();
            LOG.infof("Rebuilt %d run(s) from ferry.runs, %d in flight, in %d ms", runs.size(), inFlight,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            registry.failed(e);
            throw new IllegalStateException("The coordinator cannot start: " + e.getMessage(), e);
        }
        engine.resume();
        watcher.start();
        retention.start();
    }
}
