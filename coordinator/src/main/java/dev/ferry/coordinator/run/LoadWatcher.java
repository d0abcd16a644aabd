package dev.ferry.coordinator.run;

import dev.ferry.common.contract.RunState;
import dev.ferry.common.contract.RunStatus;
import dev.ferry.common.contract.TableState;
import dev.ferry.common.contract.TableStatus;
import dev.ferry.common.contract.Topics;
import dev.ferry.coordinator.CoordinatorConfig;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.jboss.logging.Logger;

/**
 * Tells when a released table is loaded: every {@code ferry.coordinator.load-check-interval} it
 * reads the loader group's committed offsets (one Admin API call for every table) and compares
 * them with the end offsets of the tables whose extraction completed ({@link LoadCheck}). Then it
 * has the engine settle the running runs, so that a release that could not be sent is sent again.
 */
@ApplicationScoped
public class LoadWatcher {

    private static final Logger LOG = Logger.getLogger(LoadWatcher.class);

    private final AdminClient admin;
    private final RunRegistry registry;
    private final RunEngine engine;
    private final CoordinatorConfig config;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            runnable -> new Thread(runnable, "ferry-load-watcher"));

    @Inject
    public LoadWatcher(AdminClient admin, RunRegistry registry, RunEngine engine, CoordinatorConfig config) {
        this.admin = admin;
        this.registry = registry;
        this.engine = engine;
        this.config = config;
    }

    /** Starts watching; called once the runs were rebuilt. */
    public void start() {
        long interval = config.loadCheckInterval().toMillis();
        timer.scheduleWithFixedDelay(this::check, interval, interval, TimeUnit.MILLISECONDS);
    }

    void check() {
        try {
            List<Candidate> candidates = candidates();
            if (!candidates.isEmpty()) {
                Map<TopicPartition, Long> committed = committedOffsets();
                for (Candidate candidate : candidates) {
                    if (LoadCheck.reached(candidate.endOffsets(), committedFor(committed, candidate.topic()))) {
                        LOG.infof("Run %s: table %s is loaded (committed offsets of %s reached %s)",
                                candidate.runId(), candidate.table(), config.loaderGroup(), candidate.endOffsets());
                        engine.tableLoaded(candidate.runId(), candidate.table());
                    }
                }
            }
            engine.reconcile();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // The next check tries again; a broker that stays away shows in the log at each check.
            LOG.warnf("Could not check the loader group's offsets (trying again in %s): %s",
                    config.loadCheckInterval(), e.getMessage());
        }
    }

    /** Released tables still loading whose extraction completed, in running runs. */
    private List<Candidate> candidates() {
        List<Candidate> candidates = new ArrayList<>();
        for (RunState run : registry.newestFirst()) {
            if (run.status() != RunStatus.RUNNING) {
                continue;
            }
            run.tables().forEach((table, state) -> {
                if (isWatched(state)) {
                    candidates.add(new Candidate(run.runId(), table, Topics.data(run.runId(), table),
                            state.endOffsets()));
                }
            });
        }
        return candidates;
    }

    private static boolean isWatched(TableState state) {
        return state.released() && state.extractionCompleted() && state.status() == TableStatus.LOADING;
    }

    private Map<TopicPartition, Long> committedOffsets() throws InterruptedException, ExecutionException,
            java.util.concurrent.TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> offsets;
        try {
            offsets = admin.listConsumerGroupOffsets(config.loaderGroup()).partitionsToOffsetAndMetadata()
                    .get(config.kafkaTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                // No loader has committed anything yet: every partition is at offset 0.
                return Map.of();
            }
            throw e;
        }
        Map<TopicPartition, Long> committed = new HashMap<>();
        offsets.forEach((partition, offset) -> {
            if (offset != null) {
                committed.put(partition, offset.offset());
            }
        });
        return committed;
    }

    private static Map<Integer, Long> committedFor(Map<TopicPartition, Long> committed, String topic) {
        Map<Integer, Long> forTopic = new HashMap<>();
        committed.forEach((partition, offset) -> {
            if (partition.topic().equals(topic)) {
                forTopic.put(partition.partition(), offset);
            }
        });
        return forTopic;
    }

    void stop(@Observes ShutdownEvent event) {
        timer.shutdownNow();
    }

    private record Candidate(String runId, String table, String topic, Map<Integer, Long> endOffsets) {
    }
}
