package dev.ferry.common.odata;

import java.util.Objects;

/**
 * One many-to-many association to write: {@code POST <entitySet>(fromId)/<navigation>/$ref} with
 * {@code {"@odata.id": "<root><relatedEntitySet>(toId)"}}.
 *
 * @param recordId the association's own id (the intersect row's id, its key on the data topic),
 *                 which names it in a {@link BatchOutcome.ItemFailure}
 * @param fromId   the id of the row on the navigation's side
 * @param toId     the id of the related row
 */
public record AssociationItem(String recordId, String fromId, String toId) {

    public AssociationItem {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(fromId, "fromId");
        Objects.requireNonNull(toId, "toId");
    }
}
