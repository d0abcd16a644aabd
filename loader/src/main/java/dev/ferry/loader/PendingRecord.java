package dev.ferry.loader;

import java.util.Objects;
import org.apache.kafka.common.TopicPartition;

/**
 * One data record the loader received and has not acknowledged yet.
 *
 * @param partition where it came from
 * @param offset    its offset there
 * @param key       the source record id (the data topic's key), or null if the extractor sent none
 * @param value     the record's JSON as the source sent it, or null (a tombstone)
 */
public record PendingRecord(TopicPartition partition, long offset, String key, byte[] value) {

    public PendingRecord {
        Objects.requireNonNull(partition, "partition");
    }

    /** Where the record is, for messages: {@code ferry.data.r.accounts-1@42}. */
    public String position() {
        return partition + "@" + offset;
    }

    @Override
    public String toString() {
        // Never the value: record contents stay out of logs.
        return "PendingRecord[" + position() + ", key=" + key + "]";
    }
}
