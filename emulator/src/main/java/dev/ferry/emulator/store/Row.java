package dev.ferry.emulator.store;

import java.util.Arrays;
import java.util.UUID;

/**
 * One stored record: values in the slots of its table's columns. Rows are immutable; a write
 * stores a new row, so a reader never sees half of an update.
 *
 * <p>Slot values: String (String, Memo, MultiSelectPicklist as {@code "1,2"}), Integer (Integer,
 * Picklist, State, Status), Long, BigDecimal (Decimal, Money), Double, Boolean, Instant (DateTime),
 * LocalDate (DateOnly), UUID, {@link LookupValue}; null for no value.
 */
public final class Row {
    private final UUID id;
    private final Object[] values;

    public Row(UUID id, Object[] values) {
        this.id = id;
        this.values = values;
    }

    public UUID id() {
        return id;
    }

    public Object get(int slot) {
        return values[slot];
    }

    public int size() {
        return values.length;
    }

    /** A copy of the slots, to build a changed row from. */
    public Object[] copyValues() {
        return Arrays.copyOf(values, values.length);
    }
}
