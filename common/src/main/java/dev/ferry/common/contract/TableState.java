package dev.ferry.common.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One table's part of a {@link RunState}.
 *
 * @param status              where the table stands
 * @param extracted           records extracted so far
 * @param loaded              records the target acknowledged so far
 * @param rejected            records the target refused so far
 * @param endOffsets          the end offsets its extraction reported, empty until it completed
 * @param released            whether the coordinator released it to the loaders ({@link TableReleased})
 * @param extractionCompleted whether its extraction reported completion (its end offsets are final)
 * @param parents             the tables that must be loaded before it is released (its lookups'
 *                            tables in the plan, deferred lookups aside; for a
 *                            deferred-lookups pass, its table and the tables of those lookups)
 * @param select              the columns its extraction asks for; empty means all
 * @param failure             why it failed or was cancelled, for people; {@code null} otherwise
 * @param pass                what its load writes: the rows, or only their deferred lookups (a second
 *                            pass entry of the run); {@code null} in older states reads as {@link LoadPass#ROWS}
 * @param deferredLookups     the lookup properties left out of the rows pass and written by the second
 *                            pass (see {@link TableReleased#deferredLookups()}); empty when none
 */
public record TableState(TableStatus status, long extracted, long loaded, long rejected,
                         Map<Integer, Long> endOffsets, boolean released, boolean extractionCompleted,
                         List<String> parents, List<String> select, String failure, LoadPass pass,
                         List<String> deferredLookups) {

    @JsonCreator
    public TableState {
        Objects.requireNonNull(status, "status");
        pass = pass == null ? LoadPass.ROWS : pass;
        deferredLookups = deferredLookups == null ? List.of() : List.copyOf(deferredLookups);
        endOffsets = endOffsets == null ? Map.of() : Map.copyOf(endOffsets);
        parents = parents == null ? List.of() : List.copyOf(parents);
        select = select == null ? List.of() : List.copyOf(select);
    }

    /** A rows pass with nothing deferred, as the second version of the contract had it. */
    public TableState(TableStatus status, long extracted, long loaded, long rejected, Map<Integer, Long> endOffsets,
                      boolean released, boolean extractionCompleted, List<String> parents, List<String> select,
                      String failure) {
        this(status, extracted, loaded, rejected, endOffsets, released, extractionCompleted, parents, select, failure,
                LoadPass.ROWS, List.of());
    }

    /** The state with counts and end offsets only, as the first version of the contract had it. */
    public TableState(TableStatus status, long extracted, long loaded, long rejected, Map<Integer, Long> endOffsets) {
        this(status, extracted, loaded, rejected, endOffsets, false, false, List.of(), List.of(), null);
    }

    /** A table nothing has happened to yet. */
    public static TableState waiting() {
        return new TableState(TableStatus.WAITING, 0, 0, 0, Map.of());
    }
}
