package dev.ferry.extractor;

import dev.ferry.common.contract.ControlMessage;
import dev.ferry.common.contract.Messages;
import dev.ferry.common.contract.TableCancelled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * The tables the coordinator cancelled ({@link TableCancelled} on {@code ferry.control}, channel
 * {@code control}): a running extraction of one stops after its current page, a task for one is
 * not started. Every extractor reads the whole compacted topic in a consumer group of its own, so
 * each knows every cancellation whichever tasks it runs.
 */
@ApplicationScoped
public class CancelledTables {

    private static final Logger LOG = Logger.getLogger(CancelledTables.class);

    /** Reason by "run/table". */
    private final Map<String, String> cancelled = new ConcurrentHashMap<>();

    @Incoming("control")
    public void onControl(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            // A tombstone: compaction forgetting a finished run.
            return;
        }
        ControlMessage message;
        try {
            message = Messages.fromJson(record.value(), ControlMessage.class);
        } catch (RuntimeException e) {
            // One unreadable message must not stop the channel, and with it every cancellation after it.
            LOG.errorf(e, "Ignoring the unreadable control message at %s-%d@%d (key %s)", record.topic(),
                    record.partition(), record.offset(), record.key());
            return;
        }
        if (message instanceof TableCancelled cancel
                && cancelled.putIfAbsent(key(cancel.runId(), cancel.table()), String.valueOf(cancel.reason())) == null) {
            LOG.infof("Cancelled: table %s of run %s (%s)", cancel.table(), cancel.runId(), cancel.reason());
        }
    }

    /** Why the table was cancelled, if it was. */
    public Optional<String> reason(String runId, String table) {
        return Optional.ofNullable(cancelled.get(key(runId, table)));
    }

    /** @throws ExtractionCancelledException if the table was cancelled */
    public void check(String runId, String table, String what) {
        reason(runId, table).ifPresent(reason -> {
            throw new ExtractionCancelledException("The coordinator cancelled table " + table + " of run " + runId
                    + " (" + reason + "): " + what + " stops here");
        });
    }

    private static String key(String runId, String table) {
        return runId + "/" + table;
    }
}
