package dev.ferry.extractor;

import dev.ferry.common.contract.ControlMessage;
import dev.ferry.common.contract.ControlRecords;
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
        Optional<ControlMessage> message = ControlRecords.read(record.value(),
                ControlRecords.where(record.topic(), record.partition(), record.offset(), record.key()));
        if (message.orElse(null) instanceof TableCancelled cancel
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
