package dev.ferry.loader;

import dev.ferry.common.contract.ControlMessage;
import dev.ferry.common.contract.TableCancelled;
import dev.ferry.common.contract.TableReleased;
import dev.ferry.common.contract.Topics;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the coordinator decided about each table, by data topic: released (with how to write it)
 * or cancelled. A table it has not heard of is held. The latest message per table holds, as on
 * the compacted control topic, so a table released again after a cancellation is released.
 * Thread-safe: the control channel writes it, the data plane and the writers read it.
 */
@Singleton
public class ReleaseGate {

    /** What a {@link #record} changed. */
    public enum Change {
        /** The table may be loaded now (or its write settings changed). */
        RELEASED,
        /** The table must not be loaded any more. */
        CANCELLED,
        /** The message repeats what was known. */
        NONE
    }

    private final Map<String, ControlMessage> byDataTopic = new ConcurrentHashMap<>();

    /** Records a control message and says what it changed. */
    public Change record(ControlMessage message) {
        Objects.requireNonNull(message, "message");
        ControlMessage previous = byDataTopic.put(dataTopicOf(message), message);
        if (message.equals(previous)) {
            return Change.NONE;
        }
        if (message instanceof TableCancelled) {
            return previous instanceof TableCancelled ? Change.NONE : Change.CANCELLED;
        }
        return Change.RELEASED;
    }

    /** How to write the table of that data topic, if it is released. */
    public Optional<TableReleased> released(String dataTopic) {
        return byDataTopic.get(dataTopic) instanceof TableReleased released ? Optional.of(released) : Optional.empty();
    }

    public boolean isReleased(String dataTopic) {
        return byDataTopic.get(dataTopic) instanceof TableReleased;
    }

    public boolean isCancelled(String dataTopic) {
        return byDataTopic.get(dataTopic) instanceof TableCancelled;
    }

    /** The data topic a control message is about. */
    public static String dataTopicOf(ControlMessage message) {
        return Topics.data(message.runId(), message.table());
    }
}
