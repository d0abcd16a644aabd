package dev.ferry.common.odata;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One record to create or update in the target.
 *
 * @param recordId the record's primary id (its key on the data topic), used as the upsert key
 * @param body     the properties to write, lookups as {@code nav@odata.bind}; without {@code @odata.type}
 *                 (the client adds what the write method needs)
 */
public record UpsertItem(String recordId, ObjectNode body) {
    public UpsertItem {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(body, "body");
    }
}
