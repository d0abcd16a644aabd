package dev.ferry.coordinator;

import dev.ferry.common.contract.ControlMessage;
import dev.ferry.common.contract.ExtractTask;
import dev.ferry.common.contract.FerryEvent;
import dev.ferry.common.contract.Messages;
import dev.ferry.common.contract.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plays the extractors and loaders around the coordinator under test: reads its tasks and control
 * messages, produces data records and events, and commits offsets as the loader group would.
 */
public final class TestKafka implements AutoCloseable {

    private final String bootstrapServers;
    private final KafkaProducer<String, byte[]> producer;
    private final AdminClient admin;

    public TestKafka(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        Properties producerConfig = new Properties();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producer = new KafkaProducer<>(producerConfig);
        admin = AdminClient.create(Map.of("bootstrap.servers", bootstrapServers));
    }

    /** The extract tasks of one run on {@code ferry.tasks.extract}, read from the beginning. */
    public List<ExtractTask> tasks(String runId) {
        return readAll(Topics.EXTRACT_TASKS, bytes -> Messages.fromBytes(bytes, ExtractTask.class)).stream()
                .filter(task -> task.runId().equals(runId)).toList();
    }

    /** The control messages of one run on {@code ferry.control}, in order. */
    public List<ControlMessage> control(String runId) {
        return readAll(Topics.CONTROL, bytes -> Messages.fromBytes(bytes, ControlMessage.class)).stream()
                .filter(message -> message.runId().equals(runId)).toList();
    }

    /** Produces records keyed by id into a topic; returns the end offset of each partition afterwards. */
    public Map<Integer, Long> produceRecords(String topic, List<String> ids) throws Exception {
        for (String id : ids) {
            producer.send(new ProducerRecord<>(topic, id, ("{\"id\":\"" + id + "\"}").getBytes())).get();
        }
        return endOffsets(topic);
    }

    public void send(FerryEvent event) throws Exception {
        producer.send(new ProducerRecord<>(Topics.EVENTS, event.partitionKey(), Messages.toBytes(event))).get();
    }

    public void send(String topic, String key, Object message) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, Messages.toBytes(message))).get();
    }

    /** Reads every record of the topic as the group would and commits the offsets after them: "loaded". */
    public void consumeAndCommit(String group, String topic) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(group)) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                consumer.poll(Duration.ofMillis(100));
            }
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            partitions.forEach(partition -> offsets.put(partition, new OffsetAndMetadata(consumer.position(partition))));
            consumer.commitSync(offsets);
        }
    }

    public Set<String> topics() throws ExecutionException, InterruptedException {
        return admin.listTopics().names().get();
    }

    public int partitions(String topic) throws ExecutionException, InterruptedException {
        TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
        return description.partitions().size();
    }

    public Map<Integer, Long> endOffsets(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(null)) {
            Map<Integer, Long> ends = new HashMap<>();
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.endOffsets(partitions)
                    .forEach((partition, offset) -> ends.put(partition.partition(), offset));
            return ends;
        }
    }

    private <T> List<T> readAll(String topic, Function<byte[], T> reader) {
        List<T> messages = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer(null)) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    if (record.value() != null) {
                        messages.add(reader.apply(record.value()));
                    }
                }
            }
        }
        return messages;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer, String topic) {
        return consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    private KafkaConsumer<String, byte[]> consumer(String group) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        if (group != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        return new KafkaConsumer<>(config);
    }

    @Override
    public void close() {
        producer.close();
        admin.close();
    }
}
