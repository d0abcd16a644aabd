package dev.ferry.loader;

import dev.ferry.common.contract.FerryEvent;
import dev.ferry.common.contract.LoadProgress;
import dev.ferry.common.contract.Messages;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;

/**
 * Sends the loader's {@link LoadProgress} events to {@code ferry.events} (channel {@code events}),
 * keyed by run id so that a run's events keep their order. The counts are for display: whether a
 * table is loaded is decided by offsets, so an event that cannot be sent is logged, not retried.
 */
@Singleton
public class ProgressEvents implements ProgressSink {

    private static final Logger LOG = Logger.getLogger(ProgressEvents.class);

    @Inject
    @Channel("events")
    Emitter<Record<String, String>> emitter;

    @Override
    public void report(LoadProgress progress) {
        FerryEvent event = progress;
        try {
            emitter.send(Record.of(event.partitionKey(), Messages.toJson(event)));
        } catch (RuntimeException e) {
            LOG.warnf(e, "Progress of %s/%s (%d loaded, %d rejected) not sent to the events topic", progress.runId(),
                    progress.table(), progress.loaded(), progress.rejected());
        }
    }
}
