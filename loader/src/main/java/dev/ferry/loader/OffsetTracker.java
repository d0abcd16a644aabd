package dev.ferry.loader;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which offsets of each partition may be committed: only the contiguous prefix of records that
 * were acknowledged (written to the target or to the dead-letter topic), as Kafka Connect's
 * SubmittedRecords does. A record acknowledged out of order waits until every earlier one is.
 *
 * <p>Not thread-safe: the data plane's consumer thread owns it; workers hand their
 * acknowledgements over through a queue.
 */
final class OffsetTracker {

    /** Per partition: offsets received in order, the acknowledged ones among them, and what was committed. */
    private static final class PartitionState {
        final ArrayDeque<Long> pending = new ArrayDeque<>();
        final Set<Long> acknowledged = new HashSet<>();
        /** The offset after the last record received: what to commit once nothing is pending. */
        long nextAfterReceived = -1;
        long committed = -1;

        void trimAcknowledgedHead() {
            while (!pending.isEmpty() && acknowledged.remove(pending.peekFirst())) {
                pending.removeFirst();
            }
        }

        long commitPosition() {
            return pending.isEmpty() ? nextAfterReceived : pending.peekFirst();
        }
    }

    private final Map<TopicPartition, PartitionState> partitions = new HashMap<>();
    private int inFlightTotal;

    /** A record was handed on for writing; offsets of one partition arrive in increasing order. */
    void received(TopicPartition partition, long offset) {
        PartitionState state = partitions.computeIfAbsent(partition, p -> {
            PartitionState fresh = new PartitionState();
            // The group's offset is at most where reading started: nothing to commit before progress.
            fresh.committed = offset;
            return fresh;
        });
        if (offset < state.nextAfterReceived) {
            throw new IllegalStateException("Offset " + offset + " of " + partition + " received after "
                    + (state.nextAfterReceived - 1) + ": the data plane must reset a partition before it seeks back");
        }
        state.pending.addLast(offset);
        state.nextAfterReceived = offset + 1;
        inFlightTotal++;
    }

    /**
     * A record is durable in the target or the dead-letter topic. Acknowledgements of partitions
     * this tracker no longer holds (revoked, reset) are ignored: their records will be read again.
     */
    void acknowledged(TopicPartition partition, long offset) {
        PartitionState state = partitions.get(partition);
        if (state == null || offset >= state.nextAfterReceived || state.pending.isEmpty()
                || offset < state.pending.peekFirst()) {
            return;
        }
        if (state.acknowledged.add(offset)) {
            inFlightTotal--;
            state.trimAcknowledgedHead();
        }
    }

    /** Records received but not acknowledged, in one partition. */
    int inFlight(TopicPartition partition) {
        PartitionState state = partitions.get(partition);
        return state == null ? 0 : state.pending.size() - state.acknowledged.size();
    }

    /** Records received but not acknowledged, over every partition. */
    int inFlight() {
        return inFlightTotal;
    }

    /** The partitions this tracker holds state for. */
    Set<TopicPartition> partitions() {
        return Set.copyOf(partitions.keySet());
    }

    /**
     * The first offset of the partition that is not acknowledged yet (a consumer must read from
     * there again), if any record is pending.
     */
    OptionalLong firstUnacknowledged(TopicPartition partition) {
        PartitionState state = partitions.get(partition);
        return state == null || state.pending.isEmpty() ? OptionalLong.empty() : OptionalLong.of(state.pending.peekFirst());
    }

    /**
     * The offsets to commit now: per partition, the offset after its acknowledged prefix (Kafka's
     * "next record to read"), only where it moved since the last {@link #committed} call.
     */
    Map<TopicPartition, OffsetAndMetadata> committable() {
        return committable(partitions.keySet());
    }

    /** {@link #committable()} for some partitions only (those being revoked). */
    Map<TopicPartition, OffsetAndMetadata> committable(Collection<TopicPartition> some) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : some) {
            PartitionState state = partitions.get(partition);
            if (state == null || state.nextAfterReceived < 0) {
                continue;
            }
            long position = state.commitPosition();
            if (position > state.committed) {
                offsets.put(partition, new OffsetAndMetadata(position));
            }
        }
        return offsets;
    }

    /** The broker accepted these offsets. */
    void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
        offsets.forEach((partition, offset) -> Optional.ofNullable(partitions.get(partition))
                .ifPresent(state -> state.committed = Math.max(state.committed, offset.offset())));
    }

    /**
     * Forgets a partition (revoked, lost, or its table cancelled): its pending records no longer
     * count and later acknowledgements of them are ignored.
     */
    void forget(TopicPartition partition) {
        PartitionState state = partitions.remove(partition);
        if (state != null) {
            inFlightTotal -= state.pending.size() - state.acknowledged.size();
        }
    }
}
