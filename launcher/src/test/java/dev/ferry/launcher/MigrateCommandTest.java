package dev.ferry.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrateCommandTest {
    private static final String PLAN = "{\"name\":\"demo\",\"source\":\"source\",\"target\":\"target\","
            + "\"tables\":[{\"entitySet\":\"accounts\"},{\"entitySet\":\"contacts\"}]}";

    @TempDir
    Path home;
    private FakeCoordinator coordinator;
    private Path plan;

    @BeforeEach
    void setUp() throws Exception {
        coordinator = new FakeCoordinator();
        plan = Files.writeString(home.resolve("plan.json"), PLAN);
    }

    @AfterEach
    void tearDown() {
        coordinator.close();
    }

    private CommandRun migrate() {
        return CommandRun.of(new Workspace(home, home.resolve(".ferry")), "migrate", plan.toString(),
                "--coordinator", coordinator.url(), "--poll-millis", "10");
    }

    private static String run(String status, String accounts, String contacts) {
        return "{\"runId\":\"r1\",\"plan\":{\"name\":\"demo\"},\"status\":\"" + status + "\",\"tables\":{"
                + "\"accounts\":" + accounts + ",\"contacts\":" + contacts + "},\"createdAt\":\"2025-01-01T10:00:00Z\"}";
    }

    private static String table(String status, long extracted, long loaded, long rejected) {
        return "{\"status\":\"" + status + "\",\"extracted\":" + extracted + ",\"loaded\":" + loaded + ",\"rejected\":" + rejected + "}";
    }

    @Test
    void postsThePlanFollowsTheRunAndExitsWith0WhenItSucceeds() {
        coordinator.answer("POST", "/migrations", FakeCoordinator.Answer.json(202, "{\"runId\":\"r1\"}"))
                .runStates("r1",
                        run("ACCEPTED", table("WAITING", 0, 0, 0), table("WAITING", 0, 0, 0)),
                        run("RUNNING", table("LOADING", 1000, 500, 0), table("EXTRACTING", 2000, 0, 0)),
                        run("SUCCEEDED", table("LOADED", 1000, 1000, 0), table("LOADED", 3000, 3000, 0)));

        CommandRun run = migrate();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(coordinator.postedBodies).containsExactly(PLAN);
        assertThat(run.out()).contains("accepted " + plan + " as run r1")
                .containsPattern("accounts +LOADING +extracted +1,000 +loaded +500 +rejected +0")
                .containsPattern("contacts +LOADED +extracted +3,000 +loaded +3,000")
                .contains("Run r1 succeeded").contains("4,000 records loaded, 0 rejected");
        // Not a terminal: lines are appended, each only when it changed, and never redrawn.
        assertThat(run.out()).doesNotContain("\u001b[");
        assertThat(run.out().lines().filter(l -> l.contains("accounts") && l.contains("LOADED"))).hasSize(1);
    }

    @Test
    void aRefusedPlanListsEveryProblemAndExitsWith1() {
        coordinator.answer("POST", "/migrations", new FakeCoordinator.Answer(400, "application/problem+json",
                "{\"type\":\"about:blank\",\"title\":\"Invalid plan\",\"status\":400,\"detail\":\"2 problems\","
                        + "\"problems\":[{\"code\":\"UNKNOWN_TABLE\",\"location\":\"/tables/0/entitySet\","
                        + "\"message\":\"No entity set 'acounts' in source; did you mean 'accounts'?\"},"
                        + "{\"code\":\"UNKNOWN_ENVIRONMENT\",\"location\":\"/target\",\"message\":\"No environment 'tgt'\"}]}",
                Map.of()));

        CommandRun run = migrate();

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.out()).contains("refused " + plan + ": Invalid plan: 2 problems")
                .contains("2 problems:")
                .contains("  /tables/0/entitySet: No entity set 'acounts' in source; did you mean 'accounts'?")
                .contains("  /target: No environment 'tgt'")
                .contains("Fix the plan");
    }

    @Test
    void aFailedRunExitsWith1AndSummarisesItsErrors() {
        coordinator.answer("POST", "/migrations", new FakeCoordinator.Answer(202, "application/json", "",
                        Map.of("Location", coordinator.url() + "/migrations/r1")))
                .answer("GET", "/migrations/r1/errors", FakeCoordinator.Answer.json(200,
                        "[{\"table\":\"contacts\",\"recordId\":\"c-1\",\"reason\":\"lastname is longer than 50\"},"
                                + "{\"table\":\"contacts\",\"recordId\":\"c-2\",\"reason\":\"lastname is longer than 50\"}]"))
                .runStates("r1", "{\"runId\":\"r1\",\"status\":\"FAILED\",\"failure\":\"contacts failed\",\"tables\":{"
                        + "\"accounts\":" + table("LOADED", 10, 10, 0) + ","
                        + "\"contacts\":{\"status\":\"FAILED\",\"extracted\":5,\"loaded\":3,\"rejected\":2,"
                        + "\"failure\":\"the target refused every batch\"}}}");

        CommandRun run = migrate();

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.out()).contains("Run r1 failed after").contains(": contacts failed")
                .contains("  contacts: the target refused every batch")
                .contains("2 records rejected by the target (contacts 2):")
                .contains("  contacts c-1: lastname is longer than 50");
    }

    @Test
    void aCancelledRunExitsWith1() {
        coordinator.answer("POST", "/migrations", FakeCoordinator.Answer.json(202, "{\"id\":\"r1\"}"))
                .runStates("r1", "{\"id\":\"r1\",\"status\":\"CANCELLED\",\"tables\":[]}");

        CommandRun run = migrate();

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.out()).contains("Run r1 cancelled");
    }

    @Test
    void aSucceededRunWithRejectedRecordsExitsWith0AndListsThem() {
        coordinator.answer("POST", "/migrations", FakeCoordinator.Answer.json(202, "{\"runId\":\"r1\"}"))
                .answer("GET", "/migrations/r1/errors", FakeCoordinator.Answer.json(200,
                        "{\"total\":25,\"errors\":[{\"entitySet\":\"accounts\",\"key\":\"a-9\",\"message\":\"name too long\"}]}"))
                .runStates("r1", run("SUCCEEDED", table("LOADED", 100, 75, 25), table("LOADED", 0, 0, 0)));

        CommandRun run = migrate();

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("75 records loaded, 25 rejected")
                .contains("25 records rejected by the target (accounts 25):")
                .contains("  accounts a-9: name too long")
                .contains("... and 24 more: " + coordinator.url() + "/migrations/r1/errors");
    }

    @Test
    void readsTheCoordinatorsOwnShapes() {
        // As dev.ferry.coordinator.api has them: RunAccepted, RunView with TableView items, DeadLetterPage.
        coordinator.answer("POST", "/migrations", new FakeCoordinator.Answer(202, "application/json",
                        "{\"runId\":\"demo-7f3a\",\"status\":\"ACCEPTED\"}",
                        Map.of("Location", coordinator.url() + "/migrations/demo-7f3a")))
                .answer("GET", "/migrations/demo-7f3a/errors", FakeCoordinator.Answer.json(200,
                        "{\"runId\":\"demo-7f3a\",\"total\":1,\"offset\":0,\"limit\":10,\"items\":[{\"recordId\":\"c-1\","
                                + "\"table\":\"contacts\",\"reason\":\"lastname: too long\",\"status\":400,"
                                + "\"code\":\"0x80044331\",\"partition\":0,\"position\":0}]}"))
                .runStates("demo-7f3a", view("RUNNING", null,
                                tableView("accounts", "LOADING", 10, 4, 0, "[]"), tableView("contacts", "WAITING", 20, 0, 0, "[\"accounts\"]")),
                        view("SUCCEEDED", "\"2025-01-01T10:00:12.5Z\"",
                                tableView("accounts", "LOADED", 10, 10, 0, "[]"), tableView("contacts", "LOADED", 20, 19, 1, "[]")));

        CommandRun run = migrate();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("as run demo-7f3a")
                .containsPattern("contacts +WAITING +extracted +20 +loaded +0 +rejected +0  \\(waits for accounts\\)")
                .contains("Run demo-7f3a succeeded").contains("29 records loaded, 1 rejected")
                .contains("1 records rejected by the target (contacts 1):")
                .contains("  contacts c-1: lastname: too long");
    }

    private static String view(String status, String finishedAt, String... tables) {
        return "{\"runId\":\"demo-7f3a\",\"name\":\"demo\",\"source\":\"source\",\"target\":\"target\",\"status\":\""
                + status + "\",\"createdAt\":\"2025-01-01T10:00:00Z\",\"updatedAt\":\"2025-01-01T10:00:01Z\","
                + "\"finishedAt\":" + finishedAt + ",\"failure\":null,\"notes\":[],\"extracted\":30,\"loaded\":29,"
                + "\"rejected\":1,\"tables\":[" + String.join(",", tables) + "]}";
    }

    private static String tableView(String table, String status, long extracted, long loaded, long rejected, String waitingFor) {
        return "{\"table\":\"" + table + "\",\"status\":\"" + status + "\",\"released\":true,\"extractionCompleted\":true,"
                + "\"extracted\":" + extracted + ",\"loaded\":" + loaded + ",\"rejected\":" + rejected
                + ",\"waitingFor\":" + waitingFor + ",\"failure\":null}";
    }

    @Test
    void aCoordinatorThatIsNotReadyYetIsWaitedFor() {
        coordinator.answer("POST", "/migrations", FakeCoordinator.Answer.json(202, "{\"runId\":\"r1\"}"))
                .runStates("r1", run("SUCCEEDED", table("LOADED", 1, 1, 0), table("LOADED", 1, 1, 0)));
        coordinator.answer("GET", "/migrations/r1", new FakeCoordinator.Answer(503, "application/problem+json",
                "{\"title\":\"The coordinator is not ready\",\"detail\":\"rebuilding runs from ferry.runs\"}", Map.of()));
        Thread ready = new Thread(() -> {
            org.awaitility.Awaitility.await().until(() -> coordinator.requests("GET /migrations/r1") >= 3);
            coordinator.forget("GET", "/migrations/r1");
        });
        ready.start();

        CommandRun run = migrate();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Lost contact with the coordinator (The coordinator at " + coordinator.url()
                + " is not ready yet (rebuilding runs from ferry.runs)").contains("Run r1 succeeded");
    }

    @Test
    void anUnexpectedAnswerIsAClearError() {
        coordinator.answer("POST", "/migrations", new FakeCoordinator.Answer(500, "application/problem+json",
                "{\"title\":\"Internal Server Error\",\"detail\":\"broker unreachable\"}", Map.of()));

        CommandRun run = migrate();

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).contains("answered POST /migrations with HTTP 500: broker unreachable")
                .contains(".ferry/logs/coordinator.log");
    }
}
