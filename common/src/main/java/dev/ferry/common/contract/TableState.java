package dev.ferry.common.contract;

import java.util.Map;
import java.util.Objects;

/**
 * One table's part of a {@link RunState}.
 *
 * @param status     where the table stands
 * @param extracted  records extracted so far
 * @param loaded     records the target acknowledged so far
 * @param rejected   records the target refused so far
 * @param endOffsets the end offsets its extraction reported, empty until it completed
 */
public record TableState(TableStatus status, long extracted, long loaded, long rejected,
                         Map<Integer, Long> endOffsets) {

    public TableState {
        Objects.requireNonNull(status, "status");
        endOffsets = endOffsets == null ? Map.of() : Map.copyOf(endOffsets);
    }

    /** A table nothing has happened to yet. */
    public static TableState waiting() {
        return new TableState(TableStatus.WAITING, 0, 0, 0, Map.of());
    }
}
