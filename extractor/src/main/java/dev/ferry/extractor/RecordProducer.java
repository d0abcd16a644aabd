package dev.ferry.extractor;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The extractor's one Kafka producer (thread-safe, shared by every task): records, checkpoints
 * and events. Idempotent with {@code acks=all}, so a record counts as written only once every
 * in-sync replica has it, and producer retries never duplicate or reorder it.
 */
@ApplicationScoped
public class RecordProducer {

    private final KafkaProducer<String, byte[]> producer;
    private final Duration timeout;

    @Inject
    public RecordProducer(KafkaSettings kafka, ExtractorConfig config) {
        Map<String, Object> settings = kafka.connection();
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, "ferry-extractor");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, config.producer().compressionType());
        settings.put(ProducerConfig.LINGER_MS_CONFIG, config.producer().lingerMs());
        settings.put(ProducerConfig.BATCH_SIZE_CONFIG, config.producer().batchSize());
        this.producer = new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
        this.timeout = config.kafkaTimeout();
    }

    /** Sends records without waiting; {@link Pending#await()} waits until Kafka acknowledged every one. */
    public Pending sendAll(List<ProducerRecord<String, byte[]>> records) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
        for (ProducerRecord<String, byte[]> record : records) {
            acks.add(producer.send(record));
        }
        return new Pending(acks);
    }

    /** Sends one record and waits until Kafka acknowledged it (at most the configured Kafka timeout). */
    public RecordMetadata sendAndWait(ProducerRecord<String, byte[]> record) {
        try {
            return producer.send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new KafkaWriteException("Kafka refused a record for " + record.topic() + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaWriteException("Kafka did not acknowledge a record for " + record.topic() + " within "
                    + timeout, new org.apache.kafka.common.errors.TimeoutException(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExtractionStoppedException("Interrupted while writing to " + record.topic());
        }
    }

    /** Closes after sending what it holds (at most the Kafka timeout). */
    @PreDestroy
    void close() {
        producer.close(timeout);
    }

    /** Records sent and not yet known to be acknowledged. */
    public static final class Pending {
        private final List<Future<RecordMetadata>> acks;

        Pending(List<Future<RecordMetadata>> acks) {
            this.acks = acks;
        }

        /**
         * Waits for every acknowledgement. The producer's {@code delivery.timeout.ms} bounds each
         * wait: a record is either acknowledged or failed by then.
         *
         * @return each record's partition and offset, in the order sent
         * @throws KafkaWriteException naming the first record Kafka refused
         */
        public List<RecordMetadata> await() {
            List<RecordMetadata> written = new ArrayList<>(acks.size());
            for (Future<RecordMetadata> ack : acks) {
                try {
                    written.add(ack.get());
                } catch (ExecutionException e) {
                    throw new KafkaWriteException("Kafka refused record " + written.size() + " of a page: "
                            + e.getCause().getMessage(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ExtractionStoppedException("Interrupted while waiting for Kafka's acknowledgements");
                }
            }
            return written;
        }
    }
}
