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
        try {
            return Map.of(KafkaBrokerExtension.BOOTSTRAP_SERVERS_PROPERTY, SharedKafkaBroker.bootstrapServers());
        } catch (RuntimeException e) {
            // Quarkus reports a failed test resource only as an InvocationTargetException without
            // its cause; print the cause where the test's output shows it.
            System.err.println("Ferry testkit: the shared Kafka broker for this test JVM did not start");
            e.printStackTrace();
            throw e;
        }
    }

    @Override
    public void stop() {
        // Nothing to do: the broker outlives one Quarkus application (test profiles restart the
        // application; they reuse the broker) and stops when the JVM exits.
    }
}
