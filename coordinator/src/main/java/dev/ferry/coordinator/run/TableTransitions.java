package dev.ferry.coordinator.run;

import dev.ferry.common.contract.TableState;
import dev.ferry.common.contract.TableStatus;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * How one table's state changes, as pure functions: each returns the new state (the same
 * instance when nothing changes). A finished table (loaded, failed, cancelled) keeps its status;
 * its counts still follow the events.
 *
 * <p>Statuses: {@code WAITING} before the extraction starts and again once it completed while
 * the table is not released; {@code EXTRACTING} while its extraction runs and it is not released;
 * {@code LOADING} from its release (extraction may still run: loaders follow it);
 * {@code LOADED} once the loaders' committed offsets reach its extraction's end offsets.
 */
public final class TableTransitions {

    private static final Set<TableStatus> FINISHED = EnumSet.of(TableStatus.LOADED, TableStatus.FAILED,
            TableStatus.CANCELLED);

    private TableTransitions() {
    }

    /** Whether nothing more will happen to the table. */
    public static boolean isFinished(TableState table) {
        return FINISHED.contains(table.status());
    }

    /** An extractor read another page: {@code records} produced so far. */
    public static TableState extractionProgress(TableState table, long records) {
        TableStatus status = table.status() == TableStatus.WAITING && !table.extractionCompleted()
                ? TableStatus.EXTRACTING : table.status();
        return new TableState(status, records, table.loaded(), table.rejected(), table.endOffsets(), table.released(),
                table.extractionCompleted(), table.parents(), table.select(), table.failure(), table.pass(),
                table.deferredLookups());
    }

    /** The extraction produced every record: the end offsets are final. */
    public static TableState extractionCompleted(TableState table, long records, Map<Integer, Long> endOffsets) {
        TableStatus status = table.status() == TableStatus.EXTRACTING ? TableStatus.WAITING : table.status();
        return new TableState(status, records, table.loaded(), table.rejected(), endOffsets, table.released(), true,
                table.parents(), table.select(), table.failure(), table.pass(),
                table.deferredLookups());
    }

    /** Loaders report records written and rejected since their previous report: added up. */
    public static TableState loadProgress(TableState table, long loaded, long rejected) {
        return new TableState(table.status(), table.extracted(), table.loaded() + loaded, table.rejected() + rejected,
                table.endOffsets(), table.released(), table.extractionCompleted(), table.parents(), table.select(),
                table.failure(), table.pass(), table.deferredLookups());
    }

    /** Released to the loaders. */
    public static TableState released(TableState table) {
        TableStatus status = isFinished(table) ? table.status() : TableStatus.LOADING;
        return new TableState(status, table.extracted(), table.loaded(), table.rejected(), table.endOffsets(), true,
                table.extractionCompleted(), table.parents(), table.select(), table.failure(), table.pass(),
                table.deferredLookups());
    }

    /** The release could not be sent: the table waits to be released again. */
    public static TableState unreleased(TableState table) {
        TableStatus status = table.status() == TableStatus.LOADING ? TableStatus.WAITING : table.status();
        return new TableState(status, table.extracted(), table.loaded(), table.rejected(), table.endOffsets(), false,
                table.extractionCompleted(), table.parents(), table.select(), table.failure(), table.pass(),
                table.deferredLookups());
    }

    /** The loaders' committed offsets reached the end offsets. */
    public static TableState loaded(TableState table) {
        if (table.status() != TableStatus.LOADING) {
            return table;
        }
        return withStatus(table, TableStatus.LOADED, null);
    }

    /** The table cannot be completed. */
    public static TableState failed(TableState table, String reason) {
        return isFinished(table) ? table : withStatus(table, TableStatus.FAILED, reason);
    }

    /** Work on the table stops. */
    public static TableState cancelled(TableState table, String reason) {
        return isFinished(table) ? table : withStatus(table, TableStatus.CANCELLED, reason);
    }

    private static TableState withStatus(TableState table, TableStatus status, String failure) {
        return new TableState(status, table.extracted(), table.loaded(), table.rejected(), table.endOffsets(),
                table.released(), table.extractionCompleted(), table.parents(), table.select(), failure,
                table.pass(), table.deferredLookups());
    }
}
