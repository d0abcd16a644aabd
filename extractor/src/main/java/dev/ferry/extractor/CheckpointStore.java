package dev.ferry.extractor;

import dev.ferry.common.contract.ExtractTask;
import dev.ferry.common.contract.MalformedMessageException;
import dev.ferry.common.contract.Messages;
import dev.ferry.common.contract.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.jboss.logging.Logger;

/**
 * Extraction checkpoints on the compacted {@value Topics#EXTRACT_CHECKPOINTS}, shared by every
 * extractor: whichever one gets a task next resumes from the checkpoint another one wrote.
 *
 * <p>Each key is written to, and read from, one partition chosen from the key (the same hash as
 * Kafka's default partitioner), so a lookup reads only that partition from its beginning to its
 * end, never the whole topic.
 */
@ApplicationScoped
public class CheckpointStore {

    private static final Logger LOG = Logger.getLogger(CheckpointStore.class);
    /** One poll's wait while reading a partition to its end; the Kafka timeout bounds the whole read. */
    private static final Duration POLL = Duration.ofMillis(100);

    private final KafkaSettings kafka;
    private final RecordProducer producer;
    private final TopicAdmin topics;
    private final ExtractorConfig config;
    /** Numbers the readers' client ids: two clients of one id clash in JMX (Kafka warns of it). */
    private final AtomicLong readers = new AtomicLong();
    private volatile Integer partitions;

    @Inject
    public CheckpointStore(KafkaSettings kafka, RecordProducer producer, TopicAdmin topics, ExtractorConfig config) {
        this.kafka = kafka;
        this.producer = producer;
        this.topics = topics;
        this.config = config;
    }

    /** The latest checkpoint of the task's table or slice, if one was written. */
    public Optional<ExtractCheckpoint> read(ExtractTask task) {
        String key = ExtractCheckpoint.key(task);
        TopicPartition partition = new TopicPartition(Topics.EXTRACT_CHECKPOINTS, partitionOf(key));
        Duration timeout = config.kafkaTimeout();
        long started = System.nanoTime();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(readerSettings(),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), timeout).get(partition);
            long deadline = System.nanoTime() + timeout.toNanos();
            byte[] latest = null;
            long scanned = 0;
            while (consumer.position(partition, timeout) < end) {
                if (System.nanoTime() > deadline) {
                    throw new org.apache.kafka.common.errors.TimeoutException("Could not read checkpoint " + key
                            + " from " + partition + " to its end offset " + end + " within " + timeout);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    scanned++;
                    if (key.equals(record.key())) {
                        latest = record.value(); // null is a tombstone: the checkpoint was removed
                    }
                }
            }
            LOG.debugf("Checkpoint %s read in %d ms (%d records of %s scanned)", key,
                    Duration.ofNanos(System.nanoTime() - started).toMillis(), scanned, partition);
            return parse(key, latest);
        }
    }

    /** Writes a checkpoint and waits until Kafka acknowledged it. */
    public void write(ExtractTask task, ExtractCheckpoint checkpoint) {
        String key = ExtractCheckpoint.key(task);
        producer.sendAndWait(new ProducerRecord<>(Topics.EXTRACT_CHECKPOINTS, partitionOf(key), key,
                Messages.toBytes(checkpoint)));
    }

    private Optional<ExtractCheckpoint> parse(String key, byte[] value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Messages.fromBytes(value, ExtractCheckpoint.class));
        } catch (MalformedMessageException e) {
            // Starting the table over is always safe (records are keyed and upserted), so a
            // damaged checkpoint costs time, never data.
            LOG.warnf("Ignoring the unreadable checkpoint %s (%s): the table is extracted from its first page",
                    key, e.getMessage());
            return Optional.empty();
        }
    }

    private int partitionOf(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions();
    }

    /** The checkpoint topic's partition count, creating the topic the first time it is missing. */
    private int partitions() {
        Integer known = partitions;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (partitions == null) {
                partitions = topics.partitionCount(Topics.EXTRACT_CHECKPOINTS).orElseGet(this::createTopic);
            }
            return partitions;
        }
    }

    private int createTopic() {
        ExtractorConfig.Checkpoints settings = config.checkpoints();
        Map<String, String> topicConfig = new HashMap<>();
        // Compacted so that only the latest checkpoint per table stays, and deleted past the
        // retention so that finished runs do not pile up forever.
        topicConfig.put(TopicConfig.CLEANUP_POLICY_CONFIG,
                TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE);
        topicConfig.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(settings.retention().toMillis()));
        topics.createIfMissing(new NewTopic(Topics.EXTRACT_CHECKPOINTS, Optional.of(settings.partitions()),
                settings.replicationFactor()).configs(topicConfig));
        int created = topics.partitionCount(Topics.EXTRACT_CHECKPOINTS).orElseThrow(() -> new IllegalStateException(
                "Topic " + Topics.EXTRACT_CHECKPOINTS + " was created but cannot be described"));
        LOG.infof("Checkpoint topic %s has %d partition(s)", Topics.EXTRACT_CHECKPOINTS, created);
        return created;
    }

    private Map<String, Object> readerSettings() {
        Map<String, Object> settings = kafka.connection();
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "ferry-extractor-checkpoints-" + readers.incrementAndGet());
        // No group: the partition is assigned, read from the start and nothing is committed.
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Closing waits for the fetch in flight, which at the end of the partition waits for
        // new data up to fetch.max.wait.ms (500 ms by default) before it answers empty.
        settings.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) POLL.toMillis());
        return settings;
    }
}
