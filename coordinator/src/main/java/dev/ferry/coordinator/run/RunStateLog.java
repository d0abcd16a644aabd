package dev.ferry.coordinator.run;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.common.contract.MalformedMessageException;
import dev.ferry.common.contract.Messages;
import dev.ferry.common.contract.RunState;
import dev.ferry.common.contract.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * The runs' states on the compacted {@value Topics#RUNS}, keyed by run id: written on every
 * change, read from beginning to end when the coordinator starts. Each record is the
 * {@link RunState}'s JSON with one more field, {@value #DETAILS_FIELD}: the {@link RunDetails}
 * of its entries, which the common contract has no place for (readers of RunState ignore it). It owns both ends of the
 * topic (a plain producer and consumer rather than SmallRye channels) because the read must
 * finish before anything else happens and the writes must say when they are durable.
 * Thread-safe.
 */
public final class RunStateLog implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RunStateLog.class);
    private static final Duration POLL = Duration.ofMillis(200);
    /** The field of a stored run that holds its entries' details. */
    static final String DETAILS_FIELD = "entryDetails";
    private static final ObjectMapper MAPPER = Messages.mapper();
    private static final TypeReference<Map<String, EntryDetails>> DETAILS = new TypeReference<>() { };

    private final Map<String, Object> kafkaConfig;
    private final Duration timeout;
    private final KafkaProducer<String, byte[]> producer;

    /**
     * @param kafkaConfig the Kafka client properties ({@code bootstrap.servers}, security, client id)
     * @param timeout     the most a read of the whole topic may take
     */
    public RunStateLog(Map<String, Object> kafkaConfig, Duration timeout) {
        this.kafkaConfig = Map.copyOf(kafkaConfig);
        this.timeout = timeout;
        Map<String, Object> producerConfig = new HashMap<>(kafkaConfig);
        // Durable before acknowledged, and in order per run: a later state never lands before an earlier one.
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        this.producer = new KafkaProducer<>(producerConfig);
    }

    /** Writes the run's state without entry details (a run whose entries are what its plan says). */
    public CompletableFuture<Void> write(RunState run) {
        return write(run, RunDetails.none());
    }

    /**
     * Writes the run's state with its entries' details; the future completes once the broker
     * acknowledged it (all in-sync replicas).
     */
    public CompletableFuture<Void> write(RunState run, RunDetails details) {
        ObjectNode stored = MAPPER.valueToTree(run);
        stored.set(DETAILS_FIELD, MAPPER.valueToTree(details.entries()));
        CompletableFuture<Void> written = new CompletableFuture<>();
        producer.send(new ProducerRecord<>(Topics.RUNS, run.compactionKey(), Messages.toBytes(stored)),
                (metadata, error) -> {
                    if (error == null) {
                        written.complete(null);
                    } else {
                        written.completeExceptionally(error);
                    }
                });
        return written;
    }

    /**
     * Every run's latest state and entry details, read from the beginning of the topic to the end it had when the
     * read started. A state that cannot be read is logged and skipped: one bad record must not
     * keep the coordinator from starting.
     *
     * @throws IllegalStateException when the end is not reached within the timeout
     */
    public Map<String, StoredRun> readAll() {
        Map<String, Object> consumerConfig = new HashMap<>(kafkaConfig);
        consumerConfig.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumerConfig.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        Map<String, StoredRun> runs = new LinkedHashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig)) {
            List<PartitionInfo> partitionInfos = consumer.partitionsFor(Topics.RUNS, timeout);
            List<TopicPartition> partitions = partitionInfos == null ? List.of() : partitionInfos.stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            if (partitions.isEmpty()) {
                return runs;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            Instant deadline = Instant.now().plus(timeout);
            while (!reached(consumer, ends)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Could not read " + Topics.RUNS + " to its end " + ends
                            + " within " + timeout + "; is the broker reachable?");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    apply(record, runs);
                }
            }
        }
        return runs;
    }

    private static boolean reached(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    private static void apply(ConsumerRecord<String, byte[]> record, Map<String, StoredRun> runs) {
        if (record.key() == null) {
            LOG.errorf("Skipped a record without key at %s-%d@%d", record.topic(), record.partition(), record.offset());
            return;
        }
        if (record.value() == null) {
            runs.remove(record.key());
            return;
        }
        try {
            runs.put(record.key(), new StoredRun(Messages.fromBytes(record.value(), RunState.class),
                    details(record.value())));
        } catch (MalformedMessageException | IOException | IllegalArgumentException e) {
            LOG.errorf("Skipped the unreadable state of run %s at %s-%d@%d: %s", record.key(), record.topic(),
                    record.partition(), record.offset(), e.getMessage());
        }
    }

    private static RunDetails details(byte[] stored) throws IOException {
        JsonNode details = MAPPER.readTree(stored).get(DETAILS_FIELD);
        if (details == null || details.isNull()) {
            return RunDetails.none();
        }
        return new RunDetails(MAPPER.convertValue(details, DETAILS));
    }

    @Override
    public void close() {
        producer.close(timeout);
    }
}
