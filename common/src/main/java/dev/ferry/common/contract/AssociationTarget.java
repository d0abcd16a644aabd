package dev.ferry.common.contract;

import java.util.Objects;

/**
 * Where an {@link LoadPass#ASSOCIATIONS} pass writes each record of a many-to-many relationship's
 * intersect table: {@code POST <entitySet>(<record's fromColumn>)/<navigationProperty>/$ref} with
 * {@code @odata.id} {@code <relatedEntitySet>(<record's toColumn>)}, in the target.
 *
 * @param relationship       the relationship's schema name, e.g. {@code accountleads_association}
 * @param entitySet          the target entity set of the side that owns the navigation, e.g. {@code accounts}
 * @param navigationProperty its collection navigation property, e.g. {@code accountleads_association}
 * @param fromColumn         the intersect column with that side's id, e.g. {@code accountid}
 * @param relatedEntitySet   the target entity set of the other side, e.g. {@code leads}
 * @param toColumn           the intersect column with the other side's id, e.g. {@code leadid}
 */
public record AssociationTarget(String relationship, String entitySet, String navigationProperty, String fromColumn,
                                String relatedEntitySet, String toColumn) {

    public AssociationTarget {
        Objects.requireNonNull(relationship, "relationship");
        Objects.requireNonNull(entitySet, "entitySet");
        Objects.requireNonNull(navigationProperty, "navigationProperty");
        Objects.requireNonNull(fromColumn, "fromColumn");
        Objects.requireNonNull(relatedEntitySet, "relatedEntitySet");
        Objects.requireNonNull(toColumn, "toColumn");
    }
}
