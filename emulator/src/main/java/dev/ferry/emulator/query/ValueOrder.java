package dev.ferry.emulator.query;

import dev.ferry.emulator.schema.Column;
import dev.ferry.emulator.store.Ids;
import dev.ferry.emulator.store.LookupValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.UUID;

/**
 * How Dataverse compares the values of one column in {@code $filter} and {@code $orderby}:
 * strings without regard to case (its SQL collation is case-insensitive), lookups and guids by
 * id, everything else by natural order. Values are in stored form (see {@code Row}); lookups
 * are compared by their id, so literals for them are plain UUIDs.
 */
final class ValueOrder {
    private static final Comparator<Object> STRINGS = (a, b) -> String.CASE_INSENSITIVE_ORDER.compare((String) a, (String) b);
    private static final Comparator<Object> GUIDS = (a, b) -> Ids.ORDER.compare(guid(a), guid(b));
    private static final Comparator<Object> INTEGERS = (a, b) -> Integer.compare((Integer) a, (Integer) b);
    private static final Comparator<Object> LONGS = (a, b) -> Long.compare((Long) a, (Long) b);
    private static final Comparator<Object> DECIMALS = (a, b) -> ((BigDecimal) a).compareTo((BigDecimal) b);
    private static final Comparator<Object> DOUBLES = (a, b) -> Double.compare((Double) a, (Double) b);
    private static final Comparator<Object> BOOLEANS = (a, b) -> Boolean.compare((Boolean) a, (Boolean) b);
    private static final Comparator<Object> INSTANTS = (a, b) -> ((Instant) a).compareTo((Instant) b);
    private static final Comparator<Object> DATES = (a, b) -> ((LocalDate) a).compareTo((LocalDate) b);

    private ValueOrder() {
    }

    /** Compares two non-null values of the column. */
    static Comparator<Object> of(Column column) {
        return switch (column.type()) {
            case STRING, MEMO, MULTISELECTPICKLIST -> STRINGS;
            case INTEGER, PICKLIST, STATE, STATUS -> INTEGERS;
            case BIGINT -> LONGS;
            case DECIMAL, MONEY -> DECIMALS;
            case DOUBLE -> DOUBLES;
            case BOOLEAN -> BOOLEANS;
            case DATETIME -> INSTANTS;
            case DATEONLY -> DATES;
            case UNIQUEIDENTIFIER, LOOKUP, CUSTOMER, OWNER -> GUIDS;
        };
    }

    /**
     * Compares two possibly-null values as SQL Server sorts them: null before every value
     * (so first ascending, last descending).
     */
    static int compareNullsFirst(Comparator<Object> order, Object a, Object b) {
        if (a == null) {
            return b == null ? 0 : -1;
        }
        return b == null ? 1 : order.compare(a, b);
    }

    private static UUID guid(Object value) {
        return value instanceof LookupValue lookup ? lookup.id() : (UUID) value;
    }
}
