package dev.ferry.emulator.query;

import dev.ferry.emulator.store.Row;

/**
 * A compiled {@code $filter}: evaluated with SQL's three-valued logic, as Dataverse evaluates
 * it in its database, so that a comparison with an empty column is neither true nor false
 * ({@code name ne 'x'} does not match rows whose name is null; {@code name eq null} does).
 */
@FunctionalInterface
public interface RowFilter {
    int TRUE = 1;
    int FALSE = 0;
    int UNKNOWN = -1;

    /** Matches every row: the filter of a request without {@code $filter}. */
    RowFilter ALL = row -> TRUE;

    /** {@link #TRUE}, {@link #FALSE} or {@link #UNKNOWN}. */
    int eval(Row row);

    /** Whether the row is in the result: only rows for which the filter is true. */
    default boolean matches(Row row) {
        return eval(row) == TRUE;
    }
}
