package dev.ferry.common.odata;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One page of records as the service sent them (annotations included).
 *
 * @param records  the records, in the service's order
 * @param nextLink the {@code @odata.nextLink} to the following page, or null on the last page
 */
public record Page(List<ObjectNode> records, String nextLink) {
    public Page {
        records = List.copyOf(records);
    }

    public boolean isLast() {
        return nextLink == null;
    }
}
