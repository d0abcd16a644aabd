package dev.ferry.loader;

import dev.ferry.common.odata.ODataClients;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Starts the loader's data plane when the application starts and stops it (committing what was
 * acknowledged) when it stops; wires the data consumer, the dead-letter producer, the mapper, the
 * writers and the release gate together.
 */
@Singleton
public class LoaderRuntime {

    private static final Logger LOG = Logger.getLogger(LoaderRuntime.class);

    @Inject
    LoaderConfig config;

    @Inject
    ReleaseGate gate;

    @Inject
    RecordMapper mapper;

    @Inject
    ProgressEvents progress;

    @Inject
    MeterRegistry registry;

    @Inject
    ODataClients clients;

    /** The application's {@code kafka.*} settings (bootstrap servers, security), for the plain clients. */
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    private volatile DataPlane dataPlane;
    private Producer<String, byte[]> deadLetterProducer;

    void onStart(@Observes StartupEvent event) {
        deadLetterProducer = new KafkaProducer<>(producerConfig());
        BatchLoader loader = new BatchLoader(() -> clients, mapper, DeadLetterPublisher.of(deadLetterProducer),
                new LoadMetrics(registry), progress, new ExistingRows(config.outsideLookups().knownRows()));
        DataPlane plane = new DataPlane(() -> new KafkaConsumer<>(consumerConfig()), settings(), gate, loader);
        // Published before the thread starts: a release recorded from now on reaches it as a command,
        // one recorded before is seen by the gate when partitions are assigned.
        dataPlane = plane;
        plane.start();
        LOG.infof("Loader data plane started: group %s, topics %s", config.groupId(),
                dev.ferry.common.contract.Topics.DATA_TOPIC_PATTERN);
    }

    void onStop(@Observes ShutdownEvent event) {
        DataPlane plane = dataPlane;
        if (plane != null) {
            plane.close();
        }
        if (deadLetterProducer != null) {
            deadLetterProducer.close(config.shutdownTimeout());
        }
    }

    void tableReleased(String dataTopic) {
        DataPlane plane = dataPlane;
        if (plane != null) {
            plane.tableReleased(dataTopic);
        }
    }

    void tableCancelled(String dataTopic) {
        DataPlane plane = dataPlane;
        if (plane != null) {
            plane.tableCancelled(dataTopic);
        }
    }

    /** The data plane, once started. */
    DataPlane dataPlane() {
        return dataPlane;
    }

    private DataPlane.Settings settings() {
        return new DataPlane.Settings(config.pollTimeout(), config.commitInterval(), config.maxInFlightRecords(),
                config.maxInFlightPerPartition(), config.maxConcurrency(), config.linger(),
                new UpsertBatcher.Backoff(config.retry().initialBackoff(), config.retry().maxBackoff()),
                config.shutdownTimeout());
    }

    private Map<String, Object> consumerConfig() {
        return DataPlane.consumerConfig(kafka, config.groupId(), config.metadataMaxAge(), config.maxPollRecords());
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "ferry-loader-dlq-" + Long.toHexString(System.nanoTime()));
        // A dead letter acknowledges its record: it must be durable first.
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) config.deadLetters().deliveryTimeout().toMillis());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return props;
    }
}
