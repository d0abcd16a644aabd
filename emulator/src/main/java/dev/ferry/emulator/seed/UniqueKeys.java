package dev.ferry.emulator.seed;

import dev.ferry.emulator.schema.AlternateKey;
import dev.ferry.emulator.schema.Column;
import dev.ferry.emulator.schema.Table;
import dev.ferry.emulator.store.TableStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Gives every generated row alternate key values no other row has: one column of each key (the
 * first string, whole number or guid column) is derived from the row's number, which is unique
 * among the table's rows; a value some stored row already holds is replaced by one numbered past
 * every generated row.
 */
final class UniqueKeys {
    private static final int NUMBER_DIGITS = 7;
    private static final int PREFIX_LENGTH = 3;

    /** One key and the column that makes it unique. */
    private record KeyPlan(AlternateKey key, int[] slots, int uniqueSlot, Column unique) {
    }

    private final Table table;
    private final TableStore store;
    private final List<KeyPlan> keys = new ArrayList<>();
    private final Set<Integer> keySlots = new HashSet<>();
    private final Set<Integer> uniqueSlots = new HashSet<>();
    private final String prefix;
    private long spare;

    /** @param lastRowNumber the highest row number this run generates; spare numbers start past it */
    UniqueKeys(TableStore store, long lastRowNumber) {
        this.table = store.table();
        this.store = store;
        this.spare = lastRowNumber;
        String name = table.logicalName().toUpperCase(Locale.ROOT);
        this.prefix = name.substring(0, Math.min(PREFIX_LENGTH, name.length()));
        for (AlternateKey key : table.alternateKeys()) {
            int[] slots = key.columns().stream().mapToInt(table::indexOf).toArray();
            int unique = -1;
            for (int slot : slots) {
                keySlots.add(slot);
                if (unique < 0 && uniquifiable(table.columns().get(slot))) {
                    unique = slot;
                }
            }
            if (unique >= 0) {
                uniqueSlots.add(unique);
            }
            keys.add(new KeyPlan(key, slots, unique, unique < 0 ? null : table.columns().get(unique)));
        }
    }

    /** Slots of every alternate key column: generated rows always fill them. */
    Set<Integer> keySlots() {
        return keySlots;
    }

    /** Slots this class fills: the column that makes each key unique. */
    Set<Integer> uniqueSlots() {
        return uniqueSlots;
    }

    void assign(Object[] values, RowDraft row) {
        for (KeyPlan k : keys) {
            if (k.uniqueSlot() < 0) {
                continue;
            }
            values[k.uniqueSlot()] = value(k.unique(), row, row.number);
            while (takenInStore(k, values)) {
                values[k.uniqueSlot()] = value(k.unique(), row, ++spare);
            }
        }
    }

    private boolean takenInStore(KeyPlan k, Object[] values) {
        Object[] keyValues = new Object[k.slots().length];
        for (int i = 0; i < keyValues.length; i++) {
            keyValues[i] = values[k.slots()[i]];
            if (keyValues[i] == null) {
                return false;
            }
        }
        return store.keyOwner(k.key(), List.of(keyValues)).isPresent();
    }

    private static boolean uniquifiable(Column c) {
        return switch (c.type()) {
            case STRING, MEMO, INTEGER, BIGINT, UNIQUEIDENTIFIER -> true;
            default -> false;
        };
    }

    private Object value(Column c, RowDraft row, long number) {
        return switch (c.type()) {
            case INTEGER -> (int) number;
            case BIGINT -> number;
            case UNIQUEIDENTIFIER -> new UUID(row.random.nextLong(), row.random.nextLong());
            default -> text(c, row, number);
        };
    }

    private String text(Column c, RowDraft row, long number) {
        String name = c.name().toLowerCase(Locale.ROOT);
        String value = name.contains("domainname") || name.contains("email")
                ? Words.FIRST_SLUGS[row.first] + "." + Words.LAST_SLUGS[row.last] + number + Words.LOGIN_DOMAIN
                : prefix + "-" + String.format(Locale.ROOT, "%0" + NUMBER_DIGITS + "d", number);
        if (c.maxLength() > 0 && value.length() > c.maxLength()) {
            value = Long.toString(number, Character.MAX_RADIX);
            if (value.length() > c.maxLength()) {
                throw new IllegalStateException("cannot make " + table.logicalName() + "." + c.name()
                        + " unique in at most " + c.maxLength() + " characters for row " + number);
            }
        }
        return value;
    }
}
