package dev.ferry.extractor;

import dev.ferry.common.contract.ExtractTask;
import dev.ferry.common.contract.FerryEvent;
import dev.ferry.common.contract.Messages;
import dev.ferry.common.contract.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** What the extractor's tests do with Kafka as the coordinator and the loaders would: topics, tasks, events, records. */
final class TestKafka {

    private static final Duration POLL = Duration.ofMillis(100);

    private TestKafka() {
    }

    static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    static void createTopic(String topic, int partitions) {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty()))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static boolean topicExists(String topic) throws Exception {
        try (Admin admin = admin()) {
            return admin.listTopics().names().get().contains(topic);
        }
    }

    /** Sends a task as the coordinator does and tells where it landed. */
    static RecordMetadata sendTask(ExtractTask task) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerSettings(), new StringSerializer(),
                new ByteArraySerializer())) {
            return producer.send(new ProducerRecord<>(Topics.EXTRACT_TASKS, task.runId(), Messages.toBytes(task))).get();
        }
    }

    /** Produces records as an extractor would, keyed by id, and waits until they are written. */
    static void produce(String topic, Map<String, String> valuesByKey) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerSettings(), new StringSerializer(),
                new ByteArraySerializer())) {
            List<java.util.concurrent.Future<RecordMetadata>> acks = new ArrayList<>();
            for (Map.Entry<String, String> entry : valuesByKey.entrySet()) {
                acks.add(producer.send(new ProducerRecord<>(topic, entry.getKey(),
                        entry.getValue().getBytes(StandardCharsets.UTF_8))));
            }
            for (java.util.concurrent.Future<RecordMetadata> ack : acks) {
                ack.get();
            }
        }
    }

    /** Sends raw bytes to the task topic. */
    static RecordMetadata sendRawTask(String key, byte[] value) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerSettings(), new StringSerializer(),
                new ByteArraySerializer())) {
            return producer.send(new ProducerRecord<>(Topics.EXTRACT_TASKS, key, value)).get();
        }
    }

    /** The offset the extractors' group committed on a partition of the task topic, or -1. */
    static long committedTaskOffset(int partition) throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets("ferry-extractor")
                    .partitionsToOffsetAndMetadata().get();
            OffsetAndMetadata committed = offsets.get(new TopicPartition(Topics.EXTRACT_TASKS, partition));
            return committed == null ? -1 : committed.offset();
        }
    }

    /** Every record of a topic, read from the beginning of each partition to its current end. */
    static List<ConsumerRecord<String, String>> readAll(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    records.add(new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), record.key(),
                            record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8)));
                }
            }
            return records;
        }
    }

    /** The events of one run on {@value Topics#EVENTS}, in order. */
    static List<FerryEvent> eventsOf(String runId) {
        createTopic(Topics.EVENTS, 1);
        return readAll(Topics.EVENTS).stream().filter(record -> runId.equals(record.key()))
                .map(record -> Messages.fromJson(record.value(), FerryEvent.class)).toList();
    }

    /** The events of several runs on {@value Topics#EVENTS}, in the order of the (single-partition) topic. */
    static List<FerryEvent> eventsOfRuns(java.util.Set<String> runIds) {
        createTopic(Topics.EVENTS, 1);
        return readAll(Topics.EVENTS).stream().filter(record -> runIds.contains(record.key()))
                .sorted(java.util.Comparator.comparingInt((ConsumerRecord<String, String> r) -> r.partition())
                        .thenComparingLong(ConsumerRecord::offset))
                .map(record -> Messages.fromJson(record.value(), FerryEvent.class)).toList();
    }

    static <T extends FerryEvent> List<T> eventsOf(String runId, Class<T> type) {
        return eventsOf(runId).stream().filter(type::isInstance).map(type::cast).toList();
    }

    static List<Integer> partitions(int count) {
        return IntStream.range(0, count).boxed().toList();
    }

    private static Admin admin() {
        Properties settings = new Properties();
        settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return Admin.create(settings);
    }

    private static Map<String, Object> producerSettings() {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
    }
}
