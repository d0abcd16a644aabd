package dev.ferry.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Quarkus test resource pointing the application under test at the JVM's shared in-process
 * Kafka broker: {@code @QuarkusTestResource(KafkaBrokerTestResource.class)} (or
 * {@code @WithTestResource}) sets {@code kafka.bootstrap.servers}.
 */
public final class KafkaBrokerTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(KafkaBrokerExtension.BOOTSTRAP_SERVERS_PROPERTY, SharedKafkaBroker.bootstrapServers());
    }

    @Override
    public void stop() {
        // Nothing to do: the broker outlives one Quarkus application (test profiles restart the
        // application; they reuse the broker) and stops when the JVM exits.
    }
}
