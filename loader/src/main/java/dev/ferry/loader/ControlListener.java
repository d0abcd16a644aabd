package dev.ferry.loader;

import dev.ferry.common.contract.ControlMessage;
import dev.ferry.common.contract.ControlRecords;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;
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
        Optional<ControlMessage> read = ControlRecords.read(record.value(),
                ControlRecords.where(record.topic(), record.partition(), record.offset(), record.key()));
        if (read.isEmpty()) {
            return;
        }
        ControlMessage message = read.get();
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
