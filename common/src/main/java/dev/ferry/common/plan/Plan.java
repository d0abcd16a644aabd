package dev.ferry.common.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A migration plan: which tables to copy from which environment to which (DESIGN.md, "Plan").
 * Table order does not matter. Environments are named, never described: their URLs and secrets
 * are configured in each service.
 *
 * @param name    a name for people, e.g. {@code prod-to-test}
 * @param source  the environment to read from
 * @param target  the environment to write to
 * @param tables  the tables to copy
 * @param options paging, batching and concurrency; defaults when absent
 */
public record Plan(String name, String source, String target, List<TableSpec> tables, PlanOptions options) {

    public Plan {
        // Null entries are kept so that the validator can point at them.
        tables = tables == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(tables));
        options = options == null ? PlanOptions.defaults() : options;
    }
}
