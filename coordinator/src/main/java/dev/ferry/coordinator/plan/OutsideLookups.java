package dev.ferry.coordinator.plan;

import dev.ferry.common.contract.OutsideLookup;
import dev.ferry.common.metadata.EntitySetInfo;
import dev.ferry.common.metadata.Lookup;
import dev.ferry.common.metadata.LookupColumn;
import dev.ferry.common.metadata.ServiceMetadata;
import dev.ferry.common.plan.TableSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The lookups of a table that can point to tables the plan does not copy, each with the plan's rule
 * for it ({@link TableSpec#lookupRule}, keep by default): the loaders apply the rule to a value that
 * points outside the plan. Only the lookups the extraction reads count: a lookup left out of the
 * select is not written at all.
 */
public final class OutsideLookups {

    private OutsideLookups() {
    }

    /**
     * @param spec       the plan's table
     * @param source     the table's source entity set
     * @param metadata   the source's metadata (to resolve lookups without a bound entity set)
     * @param select     the columns its extraction selects (empty: all)
     * @param planTables the entity sets of every table of the plan
     * @return one per lookup column with a target outside the plan, in declared order
     */
    public static List<OutsideLookup> of(TableSpec spec, EntitySetInfo source, ServiceMetadata metadata,
                                         List<String> select, Set<String> planTables) {
        List<OutsideLookup> outside = new ArrayList<>();
        for (LookupColumn column : source.lookupColumns()) {
            if (!select.isEmpty() && !select.contains(column.foreignKeyProperty())) {
                continue;
            }
            Set<String> targets = new LinkedHashSet<>();
            for (Lookup lookup : column.lookups()) {
                LookupTargets.of(lookup, metadata).stream().filter(target -> !planTables.contains(target))
                        .forEach(targets::add);
            }
            if (!targets.isEmpty()) {
                outside.add(new OutsideLookup(column.foreignKeyProperty(), column.logicalName(), List.copyOf(targets),
                        spec.lookupRule(column.logicalName())));
            }
        }
        return List.copyOf(outside);
    }
}
