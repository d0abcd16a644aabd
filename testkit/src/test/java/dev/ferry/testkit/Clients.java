package dev.ferry.testkit;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain Kafka clients for tests: String keys and values. */
final class Clients {

    private Clients() {
    }

    static KafkaProducer<String, String> producer(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    /** Sends every value (key = value) and waits until the broker acknowledged each. */
    static void sendAll(String bootstrapServers, String topic, List<String> values) {
        try (KafkaProducer<String, String> producer = producer(bootstrapServers)) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, value, value)).get();
            }
        } catch (Exception e) {
            throw new AssertionError("Could not produce to " + topic, e);
        }
    }

    /** A consumer that commits nothing by itself; {@code groupId} may be null for none. */
    static KafkaConsumer<String, String> consumer(String bootstrapServers, String groupId) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        if (groupId != null) {
            p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        }
        return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    }

    /** Polls until {@code count} records arrived (failing after 30 s) and returns their values. */
    static List<String> pollValues(KafkaConsumer<String, String> consumer, int count) {
        List<String> values = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).pollInSameThread().pollInterval(Duration.ZERO).until(() -> {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                values.add(record.value());
            }
            return values.size() >= count;
        });
        return values;
    }

    static Map<String, Object> adminConfig(String bootstrapServers) {
        return Map.of("bootstrap.servers", bootstrapServers);
    }
}
