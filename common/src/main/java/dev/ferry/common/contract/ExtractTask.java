package dev.ferry.common.contract;

import java.util.List;
import java.util.Objects;

/**
 * Work for an extractor (topic {@value Topics#EXTRACT_TASKS}): page one table, or one slice of
 * it, from the source into its data topic.
 *
 * @param runId             the run
 * @param table             the table's name in the run (topics and events use it); today its entity set
 * @param entitySet         the source entity set to page
 * @param select            the columns to ask for: the plan's select plus every key and lookup the
 *                          load needs; empty means all
 * @param filter            the plan's OData {@code $filter}, or {@code null}
 * @param pageSize          records per page ({@code Prefer: odata.maxpagesize})
 * @param sourceEnvironment the configured environment to read from
 * @param slice             the part of the table to extract, or {@code null} for all of it
 */
public record ExtractTask(String runId, String table, String entitySet, List<String> select, String filter,
                          int pageSize, String sourceEnvironment, Slice slice) {

    public ExtractTask {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(entitySet, "entitySet");
        Objects.requireNonNull(sourceEnvironment, "sourceEnvironment");
        select = select == null ? List.of() : List.copyOf(select);
    }
}
