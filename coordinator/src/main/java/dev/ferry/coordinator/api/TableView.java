package dev.ferry.coordinator.api;

import dev.ferry.common.contract.LoadPass;
import dev.ferry.common.contract.TableStatus;
import java.util.List;

/**
 * One table of a run, as {@code GET /migrations/{id}} shows it.
 *
 * @param table               the table (its entity set), its deferred-lookups pass ({@code <table>--lookups}), or a
 *                            many-to-many relationship's associations ({@code <SchemaName>--associations})
 * @param pass                {@code ROWS}, {@code DEFERRED_LOOKUPS} for a second pass, or {@code ASSOCIATIONS}
 * @param deferredLookups     the lookup properties the rows leave out and the pass writes
 * @param status              WAITING, EXTRACTING, LOADING, LOADED, FAILED or CANCELLED
 * @param released            whether the loaders may load it
 * @param extractionCompleted whether its extraction has produced every record
 * @param extracted           records extracted
 * @param loaded              records the target acknowledged (a batch written again after a loader
 *                            restart counts again: the status, not this count, says when it is loaded)
 * @param rejected            records the target refused (see {@code /errors})
 * @param waitingFor          the tables that must be loaded before it is released, and are not yet (on the
 *                            sequential schedule, the entry before it too)
 * @param failure             why it failed or was cancelled
 */
public record TableView(String table, LoadPass pass, List<String> deferredLookups, TableStatus status, boolean released, boolean extractionCompleted,
                        long extracted, long loaded, long rejected, List<String> waitingFor, String failure) {
}
