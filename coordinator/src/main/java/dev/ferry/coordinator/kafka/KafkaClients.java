package dev.ferry.coordinator.kafka;

import dev.ferry.coordinator.CoordinatorConfig;
import dev.ferry.coordinator.run.RunStateLog;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The coordinator's own Kafka clients (besides SmallRye's channels), all configured from the
 * application's {@code kafka.*} properties, as Quarkus gathers them: the Admin client (topics,
 * the loader group's offsets) and the run store's producer and consumer.
 */
@ApplicationScoped
public class KafkaClients {

    private static final String CLIENT_ID_PREFIX = "ferry-coordinator-";

    private final Map<String, Object> kafkaConfig;
    private final CoordinatorConfig config;

    @Inject
    public KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, CoordinatorConfig config) {
        this.kafkaConfig = Map.copyOf(kafkaConfig);
        this.config = config;
    }

    /** The {@code kafka.*} properties with the prefix removed, plus a client id naming the purpose. */
    public Map<String, Object> config(String purpose) {
        Map<String, Object> properties = new HashMap<>(kafkaConfig);
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, CLIENT_ID_PREFIX + purpose);
        return properties;
    }

    @Produces
    @ApplicationScoped
    AdminClient adminClient() {
        return AdminClient.create(config("admin"));
    }

    void closeAdminClient(@Disposes AdminClient admin) {
        admin.close(config.kafkaTimeout());
    }

    @Produces
    @ApplicationScoped
    RunStateLog runStateLog() {
        return new RunStateLog(config("runs"), config.kafkaTimeout());
    }

    void closeRunStateLog(@Disposes RunStateLog log) {
        log.close();
    }
}
