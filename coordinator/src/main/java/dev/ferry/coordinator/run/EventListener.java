package dev.ferry.coordinator.run;

import dev.ferry.common.contract.FerryEvent;
import dev.ferry.common.contract.MalformedMessageException;
import dev.ferry.common.contract.Messages;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Consumes {@code ferry.events} (group {@code ferry-coordinator}) and hands each event to the
 * {@link RunEngine}. An event is acknowledged only once the run state it changed is durable on
 * {@code ferry.runs}, so a coordinator that stops in between gets the event again: the
 * throttled commit strategy commits the acknowledged prefix, and events are applied one after
 * the other while their acknowledgements wait for the next state write.
 */
@ApplicationScoped
public class EventListener {

    private static final Logger LOG = Logger.getLogger(EventListener.class);

    private final RunEngine engine;

    @Inject
    public EventListener(RunEngine engine) {
        this.engine = engine;
    }

    @Incoming("events")
    public CompletionStage<Void> onEvent(Message<byte[]> message) {
        FerryEvent event;
        try {
            if (message.getPayload() == null) {
                throw new MalformedMessageException("Not a FerryEvent: the record has no value", null);
            }
            event = Messages.fromBytes(message.getPayload(), FerryEvent.class);
        } catch (MalformedMessageException e) {
            // A poison event must not stop the coordinator: it is logged where it is, and skipped.
            LOG.errorf("Skipped an unreadable event at %s: %s", where(message), e.getMessage());
            return message.ack();
        }
        return engine.apply(event).thenAccept(durable -> durable.whenComplete((ignored, error) -> {
            if (error == null) {
                message.ack();
            } else {
                message.nack(error);
            }
        })).exceptionallyCompose(error -> {
            LOG.errorf(error, "Could not apply %s of run %s, table %s at %s", event.getClass().getSimpleName(),
                    event.runId(), event.table(), where(message));
            message.nack(error);
            return CompletableFuture.completedFuture(null);
        });
    }

    private static String where(Message<byte[]> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(metadata -> metadata.getTopic() + "-" + metadata.getPartition() + "@" + metadata.getOffset())
                .orElse("an unknown offset");
    }
}
