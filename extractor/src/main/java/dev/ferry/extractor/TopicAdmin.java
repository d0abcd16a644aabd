package dev.ferry.extractor;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** What the extractor asks the Kafka cluster about topics: partitions, end offsets, creation. */
@ApplicationScoped
public class TopicAdmin {

    private final Admin admin;
    private final Duration timeout;

    @Inject
    public TopicAdmin(KafkaSettings kafka, ExtractorConfig config) {
        Map<String, Object> settings = kafka.connection();
        settings.put(AdminClientConfig.CLIENT_ID_CONFIG, "ferry-extractor-admin");
        this.admin = Admin.create(settings);
        this.timeout = config.kafkaTimeout();
    }

    /** The topic's partition count, or empty when the topic does not exist. */
    public Optional<Integer> partitionCount(String topic) {
        try {
            TopicDescription description = get(admin.describeTopics(List.of(topic)).topicNameValues().get(topic),
                    "describe topic " + topic);
            return Optional.of(description.partitions().size());
        } catch (KafkaAdminException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * The log end offset of every partition of the topic: the offset the next record will get.
     * Asked after the producer's acknowledgements, it covers every record in the topic, those of
     * an earlier attempt of the same extraction included.
     */
    public Map<Integer, Long> endOffsets(String topic, int partitions) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int partition = 0; partition < partitions; partition++) {
            request.put(new TopicPartition(topic, partition), OffsetSpec.latest());
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> answer =
                get(admin.listOffsets(request).all(), "list the end offsets of " + topic);
        Map<Integer, Long> offsets = new HashMap<>();
        answer.forEach((partition, info) -> offsets.put(partition.partition(), info.offset()));
        return offsets;
    }

    /** Creates a topic unless it exists; a topic created meanwhile by another extractor is fine. */
    public void createIfMissing(NewTopic topic) {
        try {
            get(admin.createTopics(List.of(topic)).all(), "create topic " + topic.name());
        } catch (KafkaAdminException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private <T> T get(KafkaFuture<T> future, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new KafkaAdminException("Could not " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaAdminException("Could not " + what + " within " + timeout,
                    new org.apache.kafka.common.errors.TimeoutException(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExtractionStoppedException("Interrupted while trying to " + what);
        }
    }

    /** Closes the admin client (at most the Kafka timeout). */
    @PreDestroy
    void close() {
        admin.close(timeout);
    }

    /** An admin request failed; the cause is Kafka's own exception. */
    public static class KafkaAdminException extends RuntimeException {
        public KafkaAdminException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
