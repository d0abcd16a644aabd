package dev.ferry.coordinator.api;

import dev.ferry.common.contract.LoadPass;
import dev.ferry.common.contract.RunState;
import dev.ferry.common.contract.TableState;
import dev.ferry.common.contract.TableStatus;
import dev.ferry.coordinator.run.ReleaseGate;
import java.util.List;
import java.util.function.ToLongFunction;

/** Turns run states into what the API shows. */
final class RunViews {

    private RunViews() {
    }

    static RunView view(RunState run) {
        List<TableView> tables = run.tables().entrySet().stream()
                .map(entry -> table(run, entry.getKey(), entry.getValue()))
                .toList();
        return new RunView(run.runId(), run.plan().name(), run.plan().source(), run.plan().target(), run.status(),
                run.createdAt(), run.updatedAt(), run.finishedAt(), run.failure(), run.notes(),
                rowsSum(run, TableState::extracted), rowsSum(run, TableState::loaded), sum(run, TableState::rejected),
                tables);
    }

    static RunSummary summary(RunState run) {
        int loadedTables = (int) run.tables().values().stream()
                .filter(table -> table.status() == TableStatus.LOADED).count();
        return new RunSummary(run.runId(), run.plan().name(), run.plan().source(), run.plan().target(), run.status(),
                run.createdAt(), run.finishedAt(), run.tables().size(), loadedTables, rowsSum(run, TableState::extracted),
                rowsSum(run, TableState::loaded), sum(run, TableState::rejected));
    }

    private static TableView table(RunState run, String name, TableState table) {
        return new TableView(name, table.pass(), table.deferredLookups(), table.status(), table.released(), table.extractionCompleted(), table.extracted(),
                table.loaded(), table.rejected(), ReleaseGate.waitingFor(run, name), table.failure());
    }

    /**
     * A count over the rows passes only: a deferred-lookups pass reads and writes the same records
     * again, so counting it would show more records than the source has.
     */
    private static long rowsSum(RunState run, ToLongFunction<TableState> count) {
        return run.tables().values().stream().filter(table -> table.pass() == LoadPass.ROWS).mapToLong(count).sum();
    }

    private static long sum(RunState run, ToLongFunction<TableState> count) {
        return run.tables().values().stream().mapToLong(count).sum();
    }
}
