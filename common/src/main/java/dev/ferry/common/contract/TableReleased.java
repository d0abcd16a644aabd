package dev.ferry.common.contract;

import java.util.List;
import java.util.Objects;

/**
 * Loaders may load this table now: its parents are loaded. Until then its partitions stay paused.
 * It carries what a loader needs to write the table, so that loaders never read the plan.
 *
 * @param runId             the run
 * @param table             the table (its data topic is {@link Topics#data}(runId, table))
 * @param targetEnvironment the configured environment to write to
 * @param entitySet         the target entity set
 * @param batchSize         records per write request
 * @param maxConcurrency    write requests in flight at most, per loader
 * @param pass              what to write: the rows, or only their deferred lookups
 * @param deferredLookups   the source's lookup properties (foreign keys such as {@code _parentaccountid_value})
 *                          that the rows pass leaves out and the deferred-lookups pass writes alone
 * @param association       for an {@link LoadPass#ASSOCIATIONS} pass, where to write; otherwise null
 * @param outsideLookups    the table's lookups that can point outside the plan, with their rules
 */
public record TableReleased(String runId, String table, String targetEnvironment, String entitySet, int batchSize,
                            int maxConcurrency, LoadPass pass, List<String> deferredLookups,
                            AssociationTarget association, List<OutsideLookup> outsideLookups) implements ControlMessage {

    public TableReleased {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(targetEnvironment, "targetEnvironment");
        Objects.requireNonNull(entitySet, "entitySet");
        pass = pass == null ? LoadPass.ROWS : pass;
        deferredLookups = deferredLookups == null ? List.of() : List.copyOf(deferredLookups);
        outsideLookups = outsideLookups == null ? List.of() : List.copyOf(outsideLookups);
        if (pass == LoadPass.ASSOCIATIONS) {
            Objects.requireNonNull(association, "association (an associations pass needs it)");
        }
    }

    /** A rows or deferred-lookups pass without lookups outside the plan. */
    public TableReleased(String runId, String table, String targetEnvironment, String entitySet, int batchSize,
                         int maxConcurrency, LoadPass pass, List<String> deferredLookups) {
        this(runId, table, targetEnvironment, entitySet, batchSize, maxConcurrency, pass, deferredLookups, null, List.of());
    }

    /** A rows pass with nothing deferred. */
    public TableReleased(String runId, String table, String targetEnvironment, String entitySet, int batchSize,
                         int maxConcurrency) {
        this(runId, table, targetEnvironment, entitySet, batchSize, maxConcurrency, LoadPass.ROWS, List.of());
    }
}
