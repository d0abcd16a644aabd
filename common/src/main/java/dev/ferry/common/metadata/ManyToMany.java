package dev.ferry.common.metadata;

import java.util.Objects;
import java.util.Optional;

/**
 * A many-to-many association: a collection navigation property whose partner is a collection
 * too, e.g. Dataverse's {@code accountleads_association}. Written once both sides are loaded.
 *
 * @param navigationProperty the collection navigation property on this side
 * @param targetEntityType   the qualified type of the other side
 * @param targetEntitySet    the entity set bound to the navigation, or {@code null} when none exists
 * @param partnerNavigation  the partner collection navigation on the other side
 */
public record ManyToMany(String navigationProperty, String targetEntityType, String targetEntitySet,
                         String partnerNavigation) {

    public ManyToMany {
        Objects.requireNonNull(navigationProperty, "navigationProperty");
        Objects.requireNonNull(targetEntityType, "targetEntityType");
        Objects.requireNonNull(partnerNavigation, "partnerNavigation");
    }

    /** The entity set of the other side, if the document binds one that exists. */
    public Optional<String> targetEntitySetIfBound() {
        return Optional.ofNullable(targetEntitySet);
    }
}
