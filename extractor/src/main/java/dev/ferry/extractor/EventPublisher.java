package dev.ferry.extractor;

import dev.ferry.common.contract.FerryEvent;
import dev.ferry.common.contract.Messages;
import dev.ferry.common.contract.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Sends progress, completion and failure events to {@value Topics#EVENTS}, keyed by run (so a
 * run's events keep their order), through the extractor's own producer: an event is sent only
 * after the checkpoint it reports, and the call returns once Kafka acknowledged it.
 */
@ApplicationScoped
public class EventPublisher {

    private final RecordProducer producer;

    @Inject
    public EventPublisher(RecordProducer producer) {
        this.producer = producer;
    }

    /** Sends the event and waits for Kafka's acknowledgement. */
    public void publish(FerryEvent event) {
        producer.sendAndWait(new ProducerRecord<>(Topics.EVENTS, event.partitionKey(), Messages.toBytes(event)));
    }
}
