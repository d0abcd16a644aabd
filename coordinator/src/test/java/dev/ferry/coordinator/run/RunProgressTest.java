package dev.ferry.coordinator.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.common.contract.ControlMessage;
import dev.ferry.common.contract.ExtractionCompleted;
import dev.ferry.common.contract.ExtractionFailed;
import dev.ferry.common.contract.ExtractionProgress;
import dev.ferry.common.contract.LoadProgress;
import dev.ferry.common.contract.RunState;
import dev.ferry.common.contract.RunStatus;
import dev.ferry.common.contract.TableCancelled;
import dev.ferry.common.contract.TableReleased;
import dev.ferry.common.contract.TableState;
import dev.ferry.common.contract.TableStatus;
import dev.ferry.common.plan.Plan;
import dev.ferry.common.plan.PlanOptions;
import dev.ferry.common.plan.TableSpec;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Release decisions: which tables are released when, driven by events and (fake) committed offsets. */
class RunProgressTest {

    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    private static final String RUN = "r-1";

    /** systemusers ← teams ← opportunities, and opportunities ← accounts: two roots, one child of both. */
    private static RunState accepted() {
        Plan plan = new Plan("p", "source", "target", List.of(TableSpec.of("systemusers"), TableSpec.of("teams"),
                TableSpec.of("accounts"), TableSpec.of("opportunities")), new PlanOptions(100, 250, 8));
        Map<String, TableState> tables = new LinkedHashMap<>();
        tables.put("systemusers", table(List.of()));
        tables.put("teams", table(List.of("systemusers")));
        tables.put("accounts", table(List.of()));
        tables.put("opportunities", table(List.of("teams", "accounts")));
        return new RunState(RUN, plan, RunStatus.ACCEPTED, tables, NOW, NOW, null, null, List.of());
    }

    private static TableState table(List<String> parents) {
        return new TableState(TableStatus.WAITING, 0, 0, 0, Map.of(), false, false, parents, List.of(), null);
    }

    @Test
    void startingReleasesEveryTableWithoutParentsAndNoOther() {
        Step step = RunProgress.started(accepted(), NOW);

        assertThat(step.state().status()).isEqualTo(RunStatus.RUNNING);
        assertThat(step.control()).containsExactly(
                new TableReleased(RUN, "systemusers", "target", "systemusers", 250, 8),
                new TableReleased(RUN, "accounts", "target", "accounts", 250, 8));
        assertThat(status(step.state(), "systemusers")).isEqualTo(TableStatus.LOADING);
        assertThat(status(step.state(), "teams")).isEqualTo(TableStatus.WAITING);
        assertThat(ReleaseGate.waitingFor(step.state(), "opportunities")).containsExactly("teams", "accounts");
    }

    @Test
    void aChildIsReleasedOnlyOnceEveryParentIsLoaded() {
        RunState run = RunProgress.started(accepted(), NOW).state();
        Step usersLoaded = loadedByOffsets(run, "systemusers", Map.of(0, 3L), Map.of(0, 3L));
        assertThat(usersLoaded.control()).containsExactly(new TableReleased(RUN, "teams", "target", "teams", 250, 8));

        Step teamsLoaded = loadedByOffsets(usersLoaded.state(), "teams", Map.of(0, 1L, 1, 0L), Map.of(0, 1L));
        assertThat(teamsLoaded.control()).isEmpty();
        assertThat(teamsLoaded.state().tables().get("opportunities").released()).isFalse();
        assertThat(ReleaseGate.waitingFor(teamsLoaded.state(), "opportunities")).containsExactly("accounts");

        Step accountsLoaded = loadedByOffsets(teamsLoaded.state(), "accounts", Map.of(0, 5L), Map.of(0, 5L));

        assertThat(accountsLoaded.control()).containsExactly(
                new TableReleased(RUN, "opportunities", "target", "opportunities", 250, 8));
        assertThat(status(accountsLoaded.state(), "opportunities")).isEqualTo(TableStatus.LOADING);
    }

    @Test
    void aTableIsNotLoadedWhileTheLoadersAreBehindItsEndOffsets() {
        RunState run = RunProgress.started(accepted(), NOW).state();

        Step behind = loadedByOffsets(run, "systemusers", Map.of(0, 3L, 1, 2L), Map.of(0, 3L, 1, 1L));

        assertThat(status(behind.state(), "systemusers")).isEqualTo(TableStatus.LOADING);
        assertThat(behind.control()).isEmpty();
    }

    @Test
    void theRunSucceedsWhenEveryTableIsLoaded() {
        RunState run = RunProgress.started(accepted(), NOW).state();
        for (String table : List.of("systemusers", "accounts", "teams", "opportunities")) {
            run = loadedByOffsets(run, table, Map.of(0, 0L), Map.of()).state();
        }

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.finishedAt()).isEqualTo(NOW);
    }

    @Test
    void extractionEventsMoveAnUnreleasedTableBetweenWaitingAndExtracting() {
        RunState run = RunProgress.started(accepted(), NOW).state();

        RunState extracting = RunProgress.on(run, new ExtractionProgress(RUN, "teams", null, 1, 500), NOW).state();
        assertThat(extracting.tables().get("teams").status()).isEqualTo(TableStatus.EXTRACTING);
        assertThat(extracting.tables().get("teams").extracted()).isEqualTo(500);

        RunState extracted = RunProgress.on(extracting,
                new ExtractionCompleted(RUN, "teams", null, 700, Map.of(0, 300L, 1, 400L)), NOW).state();
        TableState teams = extracted.tables().get("teams");
        assertThat(teams.status()).isEqualTo(TableStatus.WAITING);
        assertThat(teams.extractionCompleted()).isTrue();
        assertThat(teams.extracted()).isEqualTo(700);
        assertThat(teams.endOffsets()).containsExactlyInAnyOrderEntriesOf(Map.of(0, 300L, 1, 400L));
    }

    @Test
    void loadProgressAddsUpTheLoadersReports() {
        RunState run = RunProgress.started(accepted(), NOW).state();
        run = RunProgress.on(run, new LoadProgress(RUN, "accounts", 400, 2), NOW).state();
        run = RunProgress.on(run, new LoadProgress(RUN, "accounts", 100, 1), NOW).state();

        assertThat(run.tables().get("accounts").loaded()).isEqualTo(500);
        assertThat(run.tables().get("accounts").rejected()).isEqualTo(3);
    }

    @Test
    void anEventForAnUnknownTableChangesNothing() {
        RunState run = RunProgress.started(accepted(), NOW).state();

        Step step = RunProgress.on(run, new LoadProgress(RUN, "leads", 5, 0), NOW);

        assertThat(step.state()).isSameAs(run);
        assertThat(step.control()).isEmpty();
    }

    @Test
    void aFailedExtractionFailsTheRunAndCancelsEveryUnfinishedTable() {
        RunState run = RunProgress.started(accepted(), NOW).state();
        run = loadedByOffsets(run, "systemusers", Map.of(0, 1L), Map.of(0, 1L)).state();

        Step step = RunProgress.on(run, new ExtractionFailed(RUN, "accounts", null, "HTTP 400 on $filter"), NOW);

        assertThat(step.state().status()).isEqualTo(RunStatus.FAILED);
        assertThat(step.state().failure()).isEqualTo("table accounts failed: extraction failed: HTTP 400 on $filter");
        assertThat(status(step.state(), "accounts")).isEqualTo(TableStatus.FAILED);
        assertThat(status(step.state(), "systemusers")).isEqualTo(TableStatus.LOADED);
        assertThat(step.control()).extracting(ControlMessage::table).containsExactly("teams", "opportunities");
        assertThat(step.control()).allSatisfy(message -> assertThat(message).isInstanceOf(TableCancelled.class));
    }

    @Test
    void cancellingCancelsEveryUnfinishedTableAndEndsTheRun() {
        RunState run = RunProgress.started(accepted(), NOW).state();

        Step step = RunProgress.cancelled(run, NOW);

        assertThat(step.state().status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(step.control()).containsExactly(
                new TableCancelled(RUN, "systemusers", RunProgress.CANCELLED_BY_REQUEST),
                new TableCancelled(RUN, "teams", RunProgress.CANCELLED_BY_REQUEST),
                new TableCancelled(RUN, "accounts", RunProgress.CANCELLED_BY_REQUEST),
                new TableCancelled(RUN, "opportunities", RunProgress.CANCELLED_BY_REQUEST));
        assertThat(RunProgress.cancelled(step.state(), NOW).control()).isEmpty();
    }

    @Test
    void aReleaseThatCouldNotBeSentIsSentAgainAtTheNextSettle() {
        RunState run = RunProgress.started(accepted(), NOW).state();

        RunState undone = RunProgress.releaseFailed(run, "accounts").state();
        assertThat(undone.tables().get("accounts").released()).isFalse();

        assertThat(RunProgress.settle(undone, NOW).control())
                .containsExactly(new TableReleased(RUN, "accounts", "target", "accounts", 250, 8));
    }

    @Test
    void aRestartedCoordinatorSendsAgainTheReleasesOfTablesStillLoadingAndTheCancellations() {
        RunState run = RunProgress.started(accepted(), NOW).state();
        run = loadedByOffsets(run, "systemusers", Map.of(0, 1L), Map.of(0, 1L)).state();

        assertThat(RunProgress.resend(run)).containsExactly(
                new TableReleased(RUN, "teams", "target", "teams", 250, 8),
                new TableReleased(RUN, "accounts", "target", "accounts", 250, 8));
        assertThat(RunProgress.resend(RunProgress.cancelled(run, NOW).state()))
                .extracting(ControlMessage::table).containsExactly("teams", "accounts", "opportunities");
    }

    @Test
    void nothingIsReleasedBeforeTheRunStarted() {
        assertThat(ReleaseGate.releasable(accepted())).isEmpty();
    }

    /**
     * The extraction of {@code table} completed at {@code end}, then the load watcher saw the loader
     * group's {@code committed} offsets: the step of the latter, or of the completion when the
     * offsets fall short.
     */
    private static Step loadedByOffsets(RunState run, String table, Map<Integer, Long> end,
                                        Map<Integer, Long> committed) {
        Step completed = RunProgress.on(run, new ExtractionCompleted(RUN, table, null, 0, end), NOW);
        if (!LoadCheck.reached(end, committed)) {
            return completed;
        }
        return RunProgress.tableLoaded(completed.state(), table, NOW);
    }

    private static TableStatus status(RunState run, String table) {
        return run.tables().get(table).status();
    }
}
