package dev.ferry.loader;

import dev.ferry.common.contract.ControlMessage;
import dev.ferry.common.contract.Messages;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads the coordinator's decisions from {@code ferry.control} (channel {@code control}). Every
 * loader reads the whole compacted topic in a consumer group of its own, so that each one knows
 * every release, whichever partitions it is assigned.
 */
@Singleton
public class ControlListener {

    private static final Logger LOG = Logger.getLogger(ControlListener.class);

    @Inject
    ReleaseGate gate;

    @Inject
    LoaderRuntime runtime;

    @Incoming("control")
    public void onControl(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            // A tombstone: compaction's way of forgetting a finished run; nothing to decide.
            return;
        }
        ControlMessage message;
        try {
            message = Messages.fromJson(record.value(), ControlMessage.class);
        } catch (RuntimeException e) {
            // One unreadable message must not stop the channel (and with it every release after it).
            LOG.errorf(e, "Ignoring the unreadable control message at %s-%d@%d (key %s)", record.topic(),
                    record.partition(), record.offset(), record.key());
            return;
        }
        ReleaseGate.Change change = gate.record(message);
        String dataTopic = ReleaseGate.dataTopicOf(message);
        switch (change) {
            case RELEASED -> {
                LOG.infof("Released: %s/%s (%s)", message.runId(), message.table(), dataTopic);
                runtime.tableReleased(dataTopic);
            }
            case CANCELLED -> {
                LOG.infof("Cancelled: %s/%s (%s)", message.runId(), message.table(), dataTopic);
                runtime.tableCancelled(dataTopic);
            }
            case NONE -> LOG.debugf("Control message for %s repeats what is known", dataTopic);
        }
    }
}
