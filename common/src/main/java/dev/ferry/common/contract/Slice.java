package dev.ferry.common.contract;

import java.util.Objects;

/**
 * One part of a large table, extracted in parallel with the others.
 *
 * @param index  which part, from 0
 * @param count  how many parts the table was cut into
 * @param filter the OData {@code $filter} that selects this part's records (combined with the
 *               plan's filter by the extractor)
 */
public record Slice(int index, int count, String filter) {

    public Slice {
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("Slice " + index + " of " + count + " does not exist");
        }
        Objects.requireNonNull(filter, "filter");
    }
}
