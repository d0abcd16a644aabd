package dev.ferry.coordinator.plan;

import dev.ferry.common.metadata.EntitySetInfo;
import dev.ferry.common.metadata.Lookup;
import dev.ferry.common.metadata.ServiceMetadata;
import java.util.LinkedHashSet;
import java.util.Set;

/** The entity sets whose records a lookup can point to. */
final class LookupTargets {

    private LookupTargets() {
    }

    /**
     * The entity set the lookup is bound to; when the document binds none (Dataverse's
     * {@code ownerid} to the abstract {@code principal}), every entity set of the target type or a
     * type derived from it ({@code systemusers}, {@code teams}).
     */
    static Set<String> of(Lookup lookup, ServiceMetadata metadata) {
        Set<String> sets = new LinkedHashSet<>();
        lookup.targetEntitySetIfBound().ifPresentOrElse(sets::add,
                () -> metadata.entitySetsAssignableTo(lookup.targetEntityType()).stream()
                        .map(EntitySetInfo::name)
                        .forEach(sets::add));
        return sets;
    }
}
