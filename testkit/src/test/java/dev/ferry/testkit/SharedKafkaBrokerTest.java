package dev.ferry.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaBrokerExtension.class)
class SharedKafkaBrokerTest {

    @Test
    void recordsProducedToTheSharedBrokerAreConsumedBack(@BootstrapServers String bootstrapServers) {
        String topic = "round-trip-" + UUID.randomUUID();

        Clients.sendAll(bootstrapServers, topic, List.of("one", "two", "three"));

        try (KafkaConsumer<String, String> consumer = Clients.consumer(bootstrapServers, "round-trip")) {
            consumer.subscribe(List.of(topic));
            assertThat(Clients.pollValues(consumer, 3)).containsExactly("one", "two", "three");
        }
    }

    @Test
    void extensionTestResourceAndSystemPropertyNameTheSameBroker(@BootstrapServers String bootstrapServers) {
        assertThat(bootstrapServers).matches("127\\.0\\.0\\.1:\\d+");
        assertThat(KafkaBrokerExtension.bootstrapServers()).isEqualTo(bootstrapServers);
        assertThat(System.getProperty("kafka.bootstrap.servers")).isEqualTo(bootstrapServers);
        assertThat(new KafkaBrokerTestResource().start()).containsExactly(
                Map.entry("kafka.bootstrap.servers", bootstrapServers));
    }

    @Test
    void aCopyOfTheTestkitInAnotherClassLoaderReusesTheJvmsBroker(@BootstrapServers String bootstrapServers)
            throws Exception {
        try (ChildFirstLoader loader = new ChildFirstLoader()) {
            Class<?> copy = loader.loadClass(SharedKafkaBroker.class.getName());
            assertThat(copy).isNotSameAs(SharedKafkaBroker.class);

            assertThat(copy.getMethod("bootstrapServers").invoke(null)).isEqualTo(bootstrapServers);
        }
    }

    /** Loads the testkit's own classes again, as Quarkus's class loaders do. */
    private static final class ChildFirstLoader extends URLClassLoader {

        ChildFirstLoader() {
            super(new URL[] {SharedKafkaBroker.class.getProtectionDomain().getCodeSource().getLocation()},
                    SharedKafkaBroker.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                if (!name.startsWith("dev.ferry.testkit.")) {
                    return super.loadClass(name, resolve);
                }
                Class<?> loaded = findLoadedClass(name);
                return loaded != null ? loaded : findClass(name);
            }
        }

    }
}
