package dev.ferry.coordinator.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.common.contract.ExtractionCompleted;
import dev.ferry.common.contract.LoadPass;
import dev.ferry.common.contract.Messages;
import dev.ferry.common.contract.RunState;
import dev.ferry.common.contract.RunStatus;
import dev.ferry.common.contract.TableReleased;
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

/**
 * The deferred-lookups passes of the crm account/contact cycle, laid out by the planner: each pass
 * is released only once its table and every table its deferred lookups point to are loaded (by
 * fake committed offsets), and the run succeeds only once the passes are loaded too.
 */
class DeferredLookupsReleaseTest {

    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    private static final String RUN = "r-passes";
    private static final List<String> CONTACT_LOOKUPS = List.of("_parentcustomerid_value");
    private static final List<String> ACCOUNT_LOOKUPS = List.of("_parentaccountid_value");

    /** contacts (parentcustomerid deferred) ← accounts (parentaccountid deferred), then both passes. */
    private static RunState accepted() {
        Plan plan = new Plan("p", "source", "target", List.of(TableSpec.of("contacts"), TableSpec.of("accounts")),
                new PlanOptions(100, 250, 8));
        RunLayout layout = RunPlanner.layout(plan, CrmMetadata.crm(), CrmMetadata.crm());
        Map<String, TableState> tables = new LinkedHashMap<>();
        for (TableLayout table : layout.tables()) {
            tables.put(table.table(), new TableState(TableStatus.WAITING, 0, 0, 0, Map.of(), false, false,
                    table.releaseAfter(), table.select(), null, table.pass(), table.deferredLookupProperties()));
        }
        return new RunState(RUN, plan, RunStatus.ACCEPTED, tables, NOW, NOW, null, null, layout.notes());
    }

    @Test
    void theRowsAreReleasedParentsFirstWithoutTheirDeferredLookups() {
        Step started = RunProgress.started(accepted(), NOW);

        assertThat(started.control()).containsExactly(new TableReleased(RUN, "contacts", "target", "contacts", 250, 8,
                LoadPass.ROWS, CONTACT_LOOKUPS));

        Step contactsLoaded = loaded(started.state(), "contacts");

        assertThat(contactsLoaded.control()).containsExactly(new TableReleased(RUN, "accounts", "target", "accounts",
                250, 8, LoadPass.ROWS, ACCOUNT_LOOKUPS));
    }

    @Test
    void aPassIsReleasedOnlyOnceItsTableAndEveryTableItsLookupsPointToAreLoaded() {
        RunState run = loaded(RunProgress.started(accepted(), NOW).state(), "contacts").state();

        // contacts is loaded, but its parentcustomerid may point to accounts, not loaded yet.
        assertThat(run.tables().get("contacts--lookups").released()).isFalse();
        assertThat(ReleaseGate.waitingFor(run, "contacts--lookups")).containsExactly("accounts");
        assertThat(ReleaseGate.waitingFor(run, "accounts--lookups")).containsExactly("accounts");

        Step accountsLoaded = loaded(run, "accounts");

        assertThat(accountsLoaded.control()).containsExactly(
                new TableReleased(RUN, "contacts--lookups", "target", "contacts", 250, 8, LoadPass.DEFERRED_LOOKUPS,
                        CONTACT_LOOKUPS),
                new TableReleased(RUN, "accounts--lookups", "target", "accounts", 250, 8, LoadPass.DEFERRED_LOOKUPS,
                        ACCOUNT_LOOKUPS));
    }

    @Test
    void theRunSucceedsOnlyOnceEveryPassIsLoaded() {
        RunState run = RunProgress.started(accepted(), NOW).state();
        run = loaded(run, "contacts").state();
        run = loaded(run, "accounts").state();
        run = loaded(run, "contacts--lookups").state();
        assertThat(run.status()).isEqualTo(RunStatus.RUNNING);

        run = loaded(run, "accounts--lookups").state();

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void aRestartedCoordinatorResendsAPassWithItsPass() {
        RunState run = RunProgress.started(accepted(), NOW).state();
        run = loaded(run, "contacts").state();
        run = loaded(run, "accounts").state();

        assertThat(RunProgress.resend(run)).contains(new TableReleased(RUN, "accounts--lookups", "target", "accounts",
                250, 8, LoadPass.DEFERRED_LOOKUPS, ACCOUNT_LOOKUPS));
    }

    @Test
    void thePassAndItsDeferredLookupsSurviveTheRunStateJson() {
        RunState run = RunProgress.started(accepted(), NOW).state();

        RunState read = Messages.fromJson(Messages.toJson(run), RunState.class);

        assertThat(read).isEqualTo(run);
        assertThat(read.tables().get("contacts--lookups").pass()).isEqualTo(LoadPass.DEFERRED_LOOKUPS);
        assertThat(read.tables().get("contacts").deferredLookups()).isEqualTo(CONTACT_LOOKUPS);
    }

    /** The table's extraction completed with one record, and the loaders committed past it. */
    private static Step loaded(RunState run, String table) {
        Map<Integer, Long> end = Map.of(0, 1L);
        RunState completed = RunProgress.on(run, new ExtractionCompleted(RUN, table, null, 1, end), NOW).state();
        assertThat(LoadCheck.reached(end, Map.of(0, 1L))).isTrue();
        return RunProgress.tableLoaded(completed, table, NOW);
    }
}
