package dev.ferry.coordinator.run;

import dev.ferry.common.contract.AssociationTarget;
import dev.ferry.common.contract.OutsideLookup;
import java.util.List;
import java.util.Objects;

/**
 * What an entry of a run needs to be extracted and released beyond its {@link dev.ferry.common.contract.TableState}:
 * fixed when the run is accepted, from metadata a restarted coordinator does not read again.
 *
 * @param entitySet      the entity set extracted from the source, and named in the release: the table's, or
 *                       for associations the intersect table's (e.g. {@code accountleadscollection})
 * @param association    for associations, where they are written in the target; otherwise {@code null}
 * @param outsideLookups the lookups the entry writes that can point outside the plan, with their rules
 */
public record EntryDetails(String entitySet, AssociationTarget association, List<OutsideLookup> outsideLookups) {

    public EntryDetails {
        Objects.requireNonNull(entitySet, "entitySet");
        outsideLookups = outsideLookups == null ? List.of() : List.copyOf(outsideLookups);
    }
}
