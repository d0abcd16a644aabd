package dev.ferry.common.contract;

import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Reads one record of {@value Topics#CONTROL} as every service that follows the coordinator's
 * decisions must: a tombstone (compaction forgetting a finished run) is nothing to decide, and an
 * unreadable message is logged and passed over, so that it cannot stop the channel and with it every
 * decision after it.
 */
public final class ControlRecords {

    private static final Logger LOG = Logger.getLogger(ControlRecords.class);

    private ControlRecords() {
    }

    /**
     * @param value the record's value, null for a tombstone
     * @param where where the record is, for the log: e.g. {@code ferry.control-0@12 (key run/accounts)}
     * @return the message, or empty for a tombstone or an unreadable value
     */
    public static Optional<ControlMessage> read(String value, String where) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Messages.fromJson(value, ControlMessage.class));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Ignoring the unreadable control message at %s", where);
            return Optional.empty();
        }
    }

    /** {@code topic-partition@offset (key k)}, the position {@link #read} logs. */
    public static String where(String topic, int partition, long offset, String key) {
        return topic + "-" + partition + "@" + offset + " (key " + key + ")";
    }
}
