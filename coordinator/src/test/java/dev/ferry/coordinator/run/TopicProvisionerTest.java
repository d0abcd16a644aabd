package dev.ferry.coordinator.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.common.contract.Topics;
import dev.ferry.coordinator.CoordinatorConfig;
import dev.ferry.testkit.BootstrapServers;
import dev.ferry.testkit.KafkaBrokerExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaBrokerExtension.class)
class TopicProvisionerTest {

    @Test
    void createsARunsTopicsAndLeavesExistingOnesAsTheyAre(@BootstrapServers String servers) throws Exception {
        String runId = "topics-" + UUID.randomUUID().toString().substring(0, 8);
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", servers))) {
            TopicProvisioner provisioner = new TopicProvisioner(admin, new Config(2));

            provisioner.createRunTopics(runId, List.of("accounts", "new_project"));
            provisioner.createRunTopics(runId, List.of("accounts", "new_project"));

            Map<String, Integer> partitions = admin.describeTopics(List.of(Topics.data(runId, "accounts"),
                            Topics.data(runId, "new_project"), Topics.deadLetters(runId))).allTopicNames().get()
                    .entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                            entry -> entry.getValue().partitions().size()));
            assertThat(partitions).containsExactlyInAnyOrderEntriesOf(Map.of(Topics.data(runId, "accounts"), 2,
                    Topics.data(runId, "new_project"), 2, Topics.deadLetters(runId), 1));
        }
    }

    @Test
    void aSharedTopicCreatedWithoutCompactionIsSwitchedToIt(@BootstrapServers String servers) throws Exception {
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", servers))) {
            ConfigResource checkpoints = new ConfigResource(ConfigResource.Type.TOPIC, Topics.EXTRACT_CHECKPOINTS);
            try {
                admin.createTopics(List.of(new NewTopic(Topics.EXTRACT_CHECKPOINTS, 1, (short) 1))).all().get();
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(TopicExistsException.class);
            }
            admin.incrementalAlterConfigs(Map.of(checkpoints, List.of(new AlterConfigOp(
                    new ConfigEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE),
                    AlterConfigOp.OpType.SET)))).all().get();

            new TopicProvisioner(admin, new Config(3)).ensureSharedTopics();

            for (String topic : List.of(Topics.RUNS, Topics.CONTROL, Topics.EXTRACT_CHECKPOINTS)) {
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                assertThat(admin.describeConfigs(List.of(resource)).all().get().get(resource)
                        .get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).as(topic).isEqualTo("compact");
            }
            assertThat(admin.listTopics().names().get()).contains(Topics.EXTRACT_TASKS, Topics.EVENTS);
        }
    }

    /** The configuration's defaults, with the data topics' partitions chosen by the test. */
    private record Config(int dataPartitions) implements CoordinatorConfig {
        @Override
        public int deadLetterPartitions() {
            return 1;
        }

        @Override
        public int taskPartitions() {
            return 6;
        }

        @Override
        public int eventPartitions() {
            return 3;
        }

        @Override
        public short replicationFactor() {
            return 1;
        }

        @Override
        public String loaderGroup() {
            return "ferry-loader";
        }

        @Override
        public Duration loadCheckInterval() {
            return Duration.ofSeconds(1);
        }

        @Override
        public Duration stateFlushInterval() {
            return Duration.ofMillis(200);
        }

        @Override
        public Duration kafkaTimeout() {
            return Duration.ofSeconds(20);
        }

        @Override
        public Duration dataRetention() {
            return Duration.ofHours(1);
        }

        @Override
        public Duration retentionCheckInterval() {
            return Duration.ofMinutes(1);
        }

        @Override
        public ErrorsConfig errors() {
            return null;
        }

        @Override
        public int historyLimit() {
            return 100;
        }
    }
}
