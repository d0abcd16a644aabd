package dev.ferry.coordinator.run;

import dev.ferry.common.contract.ControlMessage;
import dev.ferry.common.contract.ExtractTask;
import dev.ferry.common.contract.Messages;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Sends the coordinator's messages on their SmallRye channels: extract tasks on
 * {@code ferry.tasks.extract} and releases and cancellations on {@code ferry.control}, as the
 * contract's JSON ({@link Messages}). Each send tells when the broker acknowledged it.
 */
@ApplicationScoped
public class Dispatcher {

    private final Emitter<byte[]> tasks;
    private final Emitter<byte[]> control;

    /**
     * The buffers are unbounded because what goes through them is bounded by the plans: a task
     * per table, a release or cancellation per table.
     */
    @Inject
    public Dispatcher(@Channel("extract-tasks") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) Emitter<byte[]> tasks,
                      @Channel("control") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) Emitter<byte[]> control) {
        this.tasks = tasks;
        this.control = control;
    }

    /** An extract task, keyed by run and table so that a run's tasks spread over the extractors. */
    public CompletableFuture<Void> send(ExtractTask task) {
        return send(tasks, task.runId() + "/" + task.table(), Messages.toBytes(task));
    }

    /** A release or cancellation, keyed for compaction: the latest per run and table holds. */
    public CompletableFuture<Void> send(ControlMessage message) {
        return send(control, message.compactionKey(), Messages.toBytes(message));
    }

    private static CompletableFuture<Void> send(Emitter<byte[]> emitter, String key, byte[] value) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build();
        emitter.send(Message.of(value, Metadata.of(metadata),
                () -> {
                    acknowledged.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                error -> {
                    acknowledged.completeExceptionally(error);
                    return CompletableFuture.completedFuture(null);
                }));
        return acknowledged;
    }
}
