package dev.ferry.common.contract;

import dev.ferry.common.plan.LookupRule;
import java.util.List;
import java.util.Objects;

/**
 * A lookup of a released table that can point to tables the plan does not copy, and the plan's rule
 * for it. Applies to a record whose lookup value points to one of {@code entitySets}; a value that
 * points to a table of the plan is bound as usual.
 *
 * @param lookup     the source's lookup property, e.g. {@code _parentcustomerid_value}
 * @param logicalName the lookup's logical name, e.g. {@code parentcustomerid}, for messages
 * @param entitySets the target entity sets outside the plan it can point to, e.g. {@code [contacts]}
 * @param rule       keep (bind if the row exists in the target), clear or reject
 */
public record OutsideLookup(String lookup, String logicalName, List<String> entitySets, LookupRule rule) {

    public OutsideLookup {
        Objects.requireNonNull(lookup, "lookup");
        Objects.requireNonNull(logicalName, "logicalName");
        entitySets = entitySets == null ? List.of() : List.copyOf(entitySets);
        rule = rule == null ? LookupRule.KEEP : rule;
    }
}
