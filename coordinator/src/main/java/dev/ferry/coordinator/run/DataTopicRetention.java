package dev.ferry.coordinator.run;

import dev.ferry.common.contract.RunState;
import dev.ferry.coordinator.CoordinatorConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.jboss.logging.Logger;

/**
 * Deletes the data topics of finished runs once {@code ferry.coordinator.data-retention} has passed,
 * so that the loaders' pattern subscription and the broker do not grow with every run. The run's
 * state and its dead-letter topic stay: {@code GET /migrations/{id}} and its errors keep answering.
 * Nothing is recorded: a check that fails, or a coordinator that restarts, finds the same topics
 * again at the next check.
 */
@ApplicationScoped
public class DataTopicRetention {

    private static final Logger LOG = Logger.getLogger(DataTopicRetention.class);

    private final AdminClient admin;
    private final RunRegistry registry;
    private final CoordinatorConfig config;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            runnable -> new Thread(runnable, "ferry-data-topic-retention"));

    @Inject
    public DataTopicRetention(AdminClient admin, RunRegistry registry, CoordinatorConfig config) {
        this.admin = admin;
        this.registry = registry;
        this.config = config;
    }

    /** Starts the periodic check; called once the runs were rebuilt. */
    public void start() {
        long interval = config.retentionCheckInterval().toMillis();
        timer.scheduleWithFixedDelay(this::check, interval, interval, TimeUnit.MILLISECONDS);
    }

    void check() {
        try {
            deleteExpired(Instant.now());
        } catch (RuntimeException e) {
            // The next check tries again; a broker that is away must not end the timer.
            LOG.warnf("Could not delete the data topics of finished runs (tried again in %s): %s",
                    config.retentionCheckInterval(), e.getMessage());
        }
    }

    /** Deletes what has expired at {@code now}; returns the topics deleted, by run. */
    public Map<String, Set<String>> deleteExpired(Instant now) {
        List<RunState> runs = registry.newestFirst();
        if (runs.stream().allMatch(run -> run.finishedAt() == null)) {
            return Map.of();
        }
        Set<String> topics = BrokerCalls.await(admin.listTopics().names(), config.kafkaTimeout(), "listing the topics");
        Map<String, Set<String>> expired = ExpiredDataTopics.of(runs, topics, now, config.dataRetention());
        for (Map.Entry<String, Set<String>> run : expired.entrySet()) {
            BrokerCalls.await(admin.deleteTopics(run.getValue()).all(), config.kafkaTimeout(),
                    "deleting the data topics of run " + run.getKey());
            LOG.infof("Deleted the %d data topics of run %s, finished more than %s ago", run.getValue().size(),
                    run.getKey(), config.dataRetention());
        }
        return expired;
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
