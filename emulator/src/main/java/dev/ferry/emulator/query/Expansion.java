package dev.ferry.emulator.query;

import java.util.List;
import java.util.Map;

/**
 * One single-valued navigation property of {@code $expand}: the referenced row is written inside
 * each row under the navigation property's name.
 *
 * @param navigation the navigation property, e.g. {@code primarycontactid} or {@code parentcustomerid_account}
 * @param slot the slot of the lookup column behind it
 * @param targets per referenced table the columns (and nested expansions) to write; a polymorphic
 *     navigation such as {@code ownerid} has several
 * @param context how the expansion appears in {@code @odata.context}, e.g. {@code primarycontactid(fullname)}
 */
public record Expansion(String navigation, int slot, Map<String, Target> targets, String context) {

    /** What to write of a referenced row of one table. */
    public record Target(Selection selection, List<Expansion> nested) {
    }

    public Expansion {
        targets = Map.copyOf(targets);
    }
}
