package dev.ferry.coordinator.run;

import dev.ferry.common.contract.DeadLetter;
import dev.ferry.common.contract.MalformedMessageException;
import dev.ferry.common.contract.Messages;
import dev.ferry.common.contract.Topics;
import dev.ferry.coordinator.CoordinatorConfig;
import dev.ferry.coordinator.kafka.KafkaClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Reads one page of a run's dead letters from {@code ferry.dlq.<run>}, without a consumer group:
 * the page's place is found from each partition's offsets, so only the page is read, however
 * many dead letters the run has. The record contents are not returned (they may hold personal
 * data); the record id, table and the target's reason are.
 */
@ApplicationScoped
public class DeadLetterReader {

    private static final Logger LOG = Logger.getLogger(DeadLetterReader.class);
    private static final Duration POLL = Duration.ofMillis(200);

    /** Numbers the readers' client ids: two readers with one id would clash in JMX. */
    private final AtomicLong readers = new AtomicLong();
    private final KafkaClients clients;
    private final CoordinatorConfig config;

    @Inject
    public DeadLetterReader(KafkaClients clients, CoordinatorConfig config) {
        this.clients = clients;
        this.config = config;
    }

    /**
     * @param runId  the run
     * @param offset dead letters to skip
     * @param limit  dead letters to return at most
     */
    public DeadLetterPage read(String runId, long offset, int limit) {
        String topic = Topics.deadLetters(runId);
        Duration timeout = config.kafkaTimeout();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
            if (infos == null || infos.isEmpty()) {
                return new DeadLetterPage(runId, 0, offset, limit, List.of());
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .sorted(Comparator.comparingInt(TopicPartition::partition))
                    .toList();
            // Assigned before asking for offsets: the consumer warns about offsets of partitions it does not own.
            consumer.assign(partitions);
            Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions, timeout);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            long total = partitions.stream().mapToLong(partition -> ends.get(partition) - begins.get(partition)).sum();
            List<DeadLetterPage.DeadLetterItem> items = new ArrayList<>();
            long toSkip = offset;
            for (TopicPartition partition : partitions) {
                long size = ends.get(partition) - begins.get(partition);
                if (toSkip >= size) {
                    toSkip -= size;
                    continue;
                }
                readPartition(consumer, partition, begins.get(partition) + toSkip, ends.get(partition),
                        limit - items.size(), items, timeout);
                toSkip = 0;
                if (items.size() >= limit) {
                    break;
                }
            }
            return new DeadLetterPage(runId, total, offset, limit, items);
        }
    }

    private static void readPartition(KafkaConsumer<String, byte[]> consumer, TopicPartition partition, long from,
                                      long end, int wanted, List<DeadLetterPage.DeadLetterItem> items,
                                      Duration timeout) {
        List<TopicPartition> others = new ArrayList<>(consumer.assignment());
        others.remove(partition);
        consumer.pause(others);
        consumer.resume(List.of(partition));
        consumer.seek(partition, from);
        int found = 0;
        Instant deadline = Instant.now().plus(timeout);
        while (found < wanted && consumer.position(partition) < end) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Could not read " + partition + " up to offset " + end + " within "
                        + timeout);
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                if (found >= wanted || record.offset() >= end) {
                    break;
                }
                items.add(item(record));
                found++;
            }
        }
    }

    private static DeadLetterPage.DeadLetterItem item(ConsumerRecord<String, byte[]> record) {
        try {
            if (record.value() == null) {
                throw new MalformedMessageException("Not a DeadLetter: the record has no value", null);
            }
            DeadLetter letter = Messages.fromBytes(record.value(), DeadLetter.class);
            return new DeadLetterPage.DeadLetterItem(letter.recordId(), letter.table(), letter.reason(),
                    letter.targetStatus(), letter.targetCode(), record.partition(), record.offset());
        } catch (MalformedMessageException e) {
            LOG.errorf("Unreadable dead letter at %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            return new DeadLetterPage.DeadLetterItem(record.key(), null, "unreadable dead letter: " + e.getMessage(),
                    null, null, record.partition(), record.offset());
        }
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> properties = new HashMap<>(clients.config("dead-letters-" + readers.incrementAndGet()));
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return properties;
    }
}
