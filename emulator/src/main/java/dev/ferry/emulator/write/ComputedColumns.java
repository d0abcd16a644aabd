package dev.ferry.emulator.write;

import dev.ferry.emulator.schema.Table;

/**
 * The columns Dataverse computes from others on every write. One rule so far: a read-only
 * {@code fullname} is {@code firstname + " " + lastname} (Dataverse's default full name format),
 * with an empty part left out; it applies to systemuser, contact and any table (such as lead) that
 * has the three columns.
 */
final class ComputedColumns {
    static final String FULL_NAME = "fullname";
    static final String FIRST_NAME = "firstname";
    static final String LAST_NAME = "lastname";
    private static final int NONE = -1;

    private final int fullName;
    private final int firstName;
    private final int lastName;

    ComputedColumns(Table table) {
        int full = table.indexOf(FULL_NAME);
        boolean computed = full >= 0 && table.columns().get(full).readOnly();
        this.fullName = computed ? full : NONE;
        this.firstName = table.indexOf(FIRST_NAME);
        this.lastName = table.indexOf(LAST_NAME);
    }

    boolean any() {
        return fullName != NONE;
    }

    /** Recomputes the computed slots of a row's values in place. */
    void apply(Object[] values) {
        if (fullName == NONE) {
            return;
        }
        String first = firstName >= 0 ? (String) values[firstName] : null;
        String last = lastName >= 0 ? (String) values[lastName] : null;
        values[fullName] = join(first, last);
    }

    private static String join(String first, String last) {
        boolean hasFirst = first != null && !first.isBlank();
        boolean hasLast = last != null && !last.isBlank();
        if (hasFirst && hasLast) {
            return first + " " + last;
        }
        return hasFirst ? first : hasLast ? last : null;
    }
}
