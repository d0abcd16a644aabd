package dev.ferry.common.plan;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a loader does with a lookup whose target table is not in the plan (TableSpec's {@code lookups}).
 * Written in a plan in lower case: {@code "keep"}, {@code "clear"}, {@code "reject"}.
 */
public enum LookupRule {
    /** The default: bind when the referenced row exists in the target (checked in bulk), else dead-letter the record. */
    KEEP,
    /** Write the lookup empty. */
    CLEAR,
    /** Dead-letter every record that has the lookup set. */
    REJECT;

    /** The rule's name in a plan. */
    public String planName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The rule a plan names, in any letter case. */
    public static Optional<LookupRule> fromPlanName(String name) {
        return Arrays.stream(values()).filter(rule -> rule.planName().equalsIgnoreCase(name)).findFirst();
    }
}
