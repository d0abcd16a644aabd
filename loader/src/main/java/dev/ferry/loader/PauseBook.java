package dev.ferry.loader;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * The reasons each assigned partition is paused for, kept apart so that backpressure draining
 * never resumes a table the coordinator has not released, and a release never resumes a
 * partition that is still congested. Not thread-safe: the consumer thread owns it.
 */
final class PauseBook {

    private final Map<TopicPartition, EnumSet<PauseReason>> reasons = new HashMap<>();

    /** Adds a reason; true if the partition was not paused before (the consumer must pause it). */
    boolean pause(TopicPartition partition, PauseReason reason) {
        EnumSet<PauseReason> held = reasons.computeIfAbsent(partition, p -> EnumSet.noneOf(PauseReason.class));
        boolean wasRunning = held.isEmpty();
        held.add(reason);
        return wasRunning;
    }

    /** Removes a reason; true if the partition has no reason left (the consumer must resume it). */
    boolean release(TopicPartition partition, PauseReason reason) {
        EnumSet<PauseReason> held = reasons.get(partition);
        if (held == null || !held.remove(reason)) {
            return false;
        }
        if (held.isEmpty()) {
            reasons.remove(partition);
            return true;
        }
        return false;
    }

    boolean isPaused(TopicPartition partition) {
        return reasons.containsKey(partition);
    }

    boolean isPausedFor(TopicPartition partition, PauseReason reason) {
        EnumSet<PauseReason> held = reasons.get(partition);
        return held != null && held.contains(reason);
    }

    /** The partitions paused for that reason. */
    Set<TopicPartition> pausedFor(PauseReason reason) {
        Set<TopicPartition> partitions = new HashSet<>();
        reasons.forEach((partition, held) -> {
            if (held.contains(reason)) {
                partitions.add(partition);
            }
        });
        return partitions;
    }

    /** Forgets partitions that are no longer assigned. */
    void forget(Collection<TopicPartition> partitions) {
        partitions.forEach(reasons::remove);
    }
}
