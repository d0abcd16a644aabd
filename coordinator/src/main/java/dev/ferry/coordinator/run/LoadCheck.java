package dev.ferry.coordinator.run;

import java.util.Map;

/**
 * Whether the loaders finished a table: their group's committed offset reached the end offset
 * of every partition the extraction reported. A partition with no committed offset counts as
 * offset 0, so a partition the extraction left empty (end offset 0) is done from the start.
 */
public final class LoadCheck {

    private LoadCheck() {
    }

    /**
     * @param endOffsets per partition, the offset after the extraction's last record
     * @param committed  per partition of the same topic, the loader group's committed offset (absent: none)
     */
    public static boolean reached(Map<Integer, Long> endOffsets, Map<Integer, Long> committed) {
        return endOffsets.entrySet().stream()
                .allMatch(end -> committed.getOrDefault(end.getKey(), 0L) >= end.getValue());
    }
}
