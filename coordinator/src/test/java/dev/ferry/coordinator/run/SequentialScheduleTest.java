package dev.ferry.coordinator.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.common.contract.ControlMessage;
import dev.ferry.common.contract.ExtractionCompleted;
import dev.ferry.common.contract.RunState;
import dev.ferry.common.contract.RunStatus;
import dev.ferry.common.contract.TableState;
import dev.ferry.common.contract.TableStatus;
import dev.ferry.common.plan.Plan;
import dev.ferry.common.plan.PlanOptions;
import dev.ferry.common.plan.TableSpec;
import dev.ferry.coordinator.CrmMetadata;
import dev.ferry.coordinator.plan.RunLayout;
import dev.ferry.coordinator.plan.RunPlanner;
import dev.ferry.coordinator.plan.TableLayout;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A run on the sequential schedule releases one entry at a time, in wave order, passes last. */
class SequentialScheduleTest {

    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    private static final String RUN = "r-sequential";

    /** opportunities and accounts, listed children first: accounts, then opportunities, then accounts--lookups. */
    private static RunState accepted(String schedule) {
        Plan plan = new Plan("p", "source", "target", List.of(TableSpec.of("opportunities"), TableSpec.of("accounts")),
                new PlanOptions(100, 250, 8, schedule));
        RunLayout layout = RunPlanner.layout(plan, CrmMetadata.crm(), CrmMetadata.crm());
        Map<String, TableState> tables = new LinkedHashMap<>();
        for (TableLayout table : layout.tables()) {
            tables.put(table.table(), new TableState(TableStatus.WAITING, 0, 0, 0, Map.of(), false, false,
                    table.releaseAfter(), table.select(), null, table.pass(), table.deferredLookupProperties()));
        }
        return new RunState(RUN, plan, RunStatus.ACCEPTED, tables, NOW, NOW, null, null, layout.notes());
    }

    @Test
    void eachEntryIsReleasedOnlyOnceTheEntryBeforeItIsLoaded() {
        Step started = RunProgress.started(accepted("sequential"), NOW);

        assertThat(started.state().tables().keySet())
                .containsExactly("accounts", "opportunities", "accounts--lookups");
        assertThat(released(started)).containsExactly("accounts");
        assertThat(ReleaseGate.waitingFor(started.state(), "accounts--lookups"))
                .containsExactly("accounts", "opportunities");

        Step accounts = loaded(started.state(), "accounts");
        assertThat(released(accounts)).containsExactly("opportunities");
        assertThat(ReleaseGate.waitingFor(accounts.state(), "accounts--lookups")).containsExactly("opportunities");

        Step opportunities = loaded(accounts.state(), "opportunities");
        assertThat(released(opportunities)).containsExactly("accounts--lookups");

        Step pass = loaded(opportunities.state(), "accounts--lookups");
        assertThat(pass.state().status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void theDefaultScheduleReleasesWhatDependsOnNothingAtOnce() {
        Step started = RunProgress.started(accepted("dependencies"), NOW);
        Step accounts = loaded(started.state(), "accounts");

        assertThat(released(started)).containsExactly("accounts");
        assertThat(released(accounts)).containsExactlyInAnyOrder("opportunities", "accounts--lookups");
    }

    private static List<String> released(Step step) {
        return step.control().stream().map(ControlMessage::table).toList();
    }

    /** The entry's extraction completed with one record, and the loaders committed past it. */
    private static Step loaded(RunState run, String table) {
        RunState completed = RunProgress.on(run, new ExtractionCompleted(RUN, table, null, 1, Map.of(0, 1L)), NOW)
                .state();
        return RunProgress.tableLoaded(completed, table, NOW);
    }
}
