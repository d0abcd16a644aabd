package dev.ferry.coordinator.run;

import dev.ferry.common.contract.Topics;
import dev.ferry.coordinator.CoordinatorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.jboss.logging.Logger;

/**
 * Creates the topics Ferry needs, when they are absent: at startup the shared ones (the compacted
 * {@value Topics#RUNS}, {@value Topics#CONTROL} and {@value Topics#EXTRACT_CHECKPOINTS}, the task and
 * event topics), and for each run its data topics and dead-letter topic. A topic that exists already is left as it is, so that
 * a retried start or several coordinators do no harm.
 */
@ApplicationScoped
public class TopicProvisioner {

    private static final Logger LOG = Logger.getLogger(TopicProvisioner.class);
    /** One partition keeps the compacted topics' records in one order; they are small. */
    private static final int COMPACTED_PARTITIONS = 1;

    private final AdminClient admin;
    private final CoordinatorConfig config;

    @Inject
    public TopicProvisioner(AdminClient admin, CoordinatorConfig config) {
        this.admin = admin;
        this.config = config;
    }

    /** The topics every run shares. */
    public void ensureSharedTopics() {
        Set<String> existing = create(List.of(
                compacted(Topics.RUNS),
                compacted(Topics.CONTROL),
                compacted(Topics.EXTRACT_CHECKPOINTS),
                topic(Topics.EXTRACT_TASKS, config.taskPartitions()),
                topic(Topics.EVENTS, config.eventPartitions())));
        List<String> compactedBefore = Stream.of(Topics.RUNS, Topics.CONTROL, Topics.EXTRACT_CHECKPOINTS)
                .filter(existing::contains).toList();
        try {
            ensureCompacted(compactedBefore);
        } catch (IllegalStateException e) {
            // A check, not a condition to run: a topic created a moment ago may not be described yet.
            LOG.warnf("Could not check that %s are compacted: %s", compactedBefore, e.getMessage());
        }
    }

    /**
     * A compacted topic that someone else created first (a consumer's auto-creation, say) may
     * lack compaction, and would then lose old runs' states and releases to retention: it is
     * switched to compaction.
     */
    private void ensureCompacted(List<String> names) {
        if (names.isEmpty()) {
            return;
        }
        List<ConfigResource> resources = names.stream()
                .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
        for (Map.Entry<ConfigResource, Config> described : await(admin.describeConfigs(resources).all(),
                "describing " + names).entrySet()) {
            ConfigEntry policy = described.getValue().get(TopicConfig.CLEANUP_POLICY_CONFIG);
            if (policy == null || !policy.value().contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
                LOG.warnf("Topic %s exists with cleanup.policy=%s; switching it to compact", described.getKey().name(),
                        policy == null ? "(none)" : policy.value());
                changes.put(described.getKey(), List.of(new AlterConfigOp(new ConfigEntry(
                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT), AlterConfigOp.OpType.SET)));
            }
        }
        if (!changes.isEmpty()) {
            await(admin.incrementalAlterConfigs(changes).all(), "switching " + changes.keySet() + " to compaction");
        }
    }

    /** The run's data topics, one per table, and its dead-letter topic. */
    public void createRunTopics(String runId, Collection<String> tables) {
        List<NewTopic> newTopics = new ArrayList<>();
        for (String table : tables) {
            newTopics.add(topic(Topics.data(runId, table), config.dataPartitions()));
        }
        newTopics.add(topic(Topics.deadLetters(runId), config.deadLetterPartitions()));
        create(newTopics);
        awaitLeaders(newTopics.stream().map(NewTopic::name).toList());
    }

    /**
     * Waits until every partition of the topics has a leader. An idempotent producer that sends to
     * a partition whose leader is still being elected can get stuck on OUT_OF_ORDER_SEQUENCE_NUMBER
     * until its delivery timeout, so tasks go out only once the data topics are ready.
     */
    private void awaitLeaders(List<String> names) {
        long deadline = System.nanoTime() + config.kafkaTimeout().toNanos();
        while (true) {
            Map<String, TopicDescription> described;
            try {
                described = await(admin.describeTopics(names).allTopicNames(), "describing topics " + names);
            } catch (IllegalStateException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
                // Just created: the broker that answered may not know the topic yet. Look again.
                described = Map.of();
            }
            boolean ready = described.keySet().containsAll(names) && described.values().stream()
                    .allMatch(d -> d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
            if (ready) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Timed out after " + config.kafkaTimeout()
                        + " waiting for leaders of topics " + names + "; is the broker healthy?");
            }
            try {
                Thread.sleep(LEADER_POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted waiting for leaders of topics " + names, e);
            }
        }
    }

    /** How often to look again for partition leaders of new topics; elections take milliseconds. */
    private static final java.time.Duration LEADER_POLL_INTERVAL = java.time.Duration.ofMillis(50);

    private NewTopic topic(String name, int partitions) {
        return new NewTopic(name, partitions, config.replicationFactor());
    }

    private NewTopic compacted(String name) {
        return topic(name, COMPACTED_PARTITIONS)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }

    /** Creates the topics that are absent; returns the names of those that existed already. */
    private Set<String> create(List<NewTopic> topics) {
        Map<String, KafkaFuture<Void>> results = admin.createTopics(topics).values();
        Set<String> existing = new HashSet<>();
        for (Map.Entry<String, KafkaFuture<Void>> result : results.entrySet()) {
            try {
                await(result.getValue(), "creating topic " + result.getKey());
                LOG.debugf("Created topic %s", result.getKey());
            } catch (IllegalStateException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                existing.add(result.getKey());
            }
        }
        return existing;
    }
    private <T> T await(Future<T> future, String what) {
        return BrokerCalls.await(future, config.kafkaTimeout(), what);
    }
}
