package dev.ferry.loader;

import dev.ferry.common.metadata.EntitySetInfo;
import dev.ferry.common.metadata.Lookup;
import dev.ferry.common.metadata.LookupColumn;
import dev.ferry.common.metadata.ServiceMetadata;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How one Dataverse lookup column of the target ({@code _x_value}) is written: which navigation
 * property and entity set a value pointing at a record of table {@code L} goes through. A plain
 * lookup has one; a polymorphic one (customer: {@code parentcustomerid_account} /
 * {@code parentcustomerid_contact}; owner: {@code ownerid} to {@code systemusers} or
 * {@code teams}) is picked by the record's {@code lookuplogicalname} annotation.
 */
final class LookupBinding {

    private final String foreignKeyProperty;
    private final Map<String, LookupTarget> byLogicalName;

    private LookupBinding(String foreignKeyProperty, Map<String, LookupTarget> byLogicalName) {
        this.foreignKeyProperty = foreignKeyProperty;
        this.byLogicalName = Map.copyOf(byLogicalName);
    }

    /**
     * The targets of a lookup column, by the logical name of the table a value may point at:
     * every entity set whose type is the navigation's type or derives from it. A navigation
     * whose type is exactly that table wins over one whose type is an ancestor.
     */
    static LookupBinding of(ServiceMetadata target, LookupColumn column) {
        Map<String, LookupTarget> exact = new LinkedHashMap<>();
        Map<String, LookupTarget> inherited = new LinkedHashMap<>();
        for (Lookup lookup : column.lookups()) {
            for (EntitySetInfo set : candidateSets(target, lookup)) {
                String logicalName = set.entityType().name();
                LookupTarget bind = new LookupTarget(lookup.navigationProperty(), set.name());
                if (set.entityType().qualifiedName().equals(lookup.targetEntityType())) {
                    exact.putIfAbsent(logicalName, bind);
                } else {
                    inherited.putIfAbsent(logicalName, bind);
                }
            }
        }
        inherited.forEach(exact::putIfAbsent);
        return new LookupBinding(column.foreignKeyProperty(), exact);
    }

    private static Collection<EntitySetInfo> candidateSets(ServiceMetadata target, Lookup lookup) {
        Optional<EntitySetInfo> bound = lookup.targetEntitySetIfBound().flatMap(target::entitySet);
        if (bound.isPresent()) {
            return List.of(bound.get());
        }
        // Dataverse binds ownerid to "owners", which does not exist: its records live in the sets of
        // the types deriving from principal.
        return target.entitySetsAssignableTo(lookup.targetEntityType());
    }

    /**
     * Where a value pointing at a record of {@code logicalName} goes; without a logical name
     * (no annotation), the only target if there is just one.
     */
    LookupTarget targetFor(String logicalName) {
        if (logicalName == null) {
            if (byLogicalName.size() == 1) {
                return byLogicalName.values().iterator().next();
            }
            throw new UnmappableRecordException("Lookup " + foreignKeyProperty + " can point at " + byLogicalName.keySet()
                    + " but the record does not say which (no " + foreignKeyProperty + TableMapping.LOOKUP_LOGICAL_NAME
                    + " annotation: extract with annotations)");
        }
        LookupTarget target = byLogicalName.get(logicalName);
        if (target == null) {
            throw new UnmappableRecordException("Lookup " + foreignKeyProperty + " points at a " + logicalName
                    + " record, but the target's lookup can only point at " + byLogicalName.keySet());
        }
        return target;
    }
}
