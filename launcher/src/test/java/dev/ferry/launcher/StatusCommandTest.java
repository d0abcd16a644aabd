package dev.ferry.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusCommandTest {
    @TempDir
    Path home;
    private FakeCoordinator coordinator;

    @BeforeEach
    void setUp() throws Exception {
        coordinator = new FakeCoordinator();
    }

    @AfterEach
    void tearDown() {
        coordinator.close();
    }

    private CommandRun status(String... run) {
        String[] args = run.length == 0 ? new String[] {"status", "--coordinator", coordinator.url()}
                : new String[] {"status", run[0], "--coordinator", coordinator.url()};
        return CommandRun.of(new Workspace(home, home.resolve(".ferry")), args);
    }

    @Test
    void listsTheHistoryWithTotalsPerRun() {
        coordinator.answer("GET", "/migrations", FakeCoordinator.Answer.json(200, "[" 
                + "{\"runId\":\"r2\",\"plan\":{\"name\":\"second\"},\"status\":\"RUNNING\",\"tables\":{"
                + "\"accounts\":{\"status\":\"LOADING\",\"extracted\":10,\"loaded\":4,\"rejected\":1}}},"
                + "{\"runId\":\"r1\",\"name\":\"first\",\"status\":\"SUCCEEDED\",\"loaded\":12000,\"createdAt\":1735725600.5}]"));

        CommandRun run = status();

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsPattern("RUN +NAME +STATUS +TABLES +EXTRACTED +LOADED +REJECTED +CREATED")
                .containsPattern("r2 +second +RUNNING +1 +10 +4 +1 +-")
                .containsPattern("r1 +first +SUCCEEDED +0 +0 +12,000 +0 +2025-01-01");
    }

    @Test
    void readsTheCoordinatorsRunSummaries() {
        coordinator.answer("GET", "/migrations", FakeCoordinator.Answer.json(200, "[{\"runId\":\"demo-1\",\"name\":\"demo\","
                + "\"source\":\"source\",\"target\":\"target\",\"status\":\"SUCCEEDED\",\"createdAt\":\"2025-01-01T10:00:00Z\","
                + "\"finishedAt\":\"2025-01-01T10:00:12Z\",\"tables\":6,\"loadedTables\":6,\"extracted\":50060,"
                + "\"loaded\":50060,\"rejected\":0}]"));

        assertThat(status().out()).containsPattern("demo-1 +demo +SUCCEEDED +6 +50,060 +50,060 +0 +2025-01-01");
    }

    @Test
    void saysWhenThereAreNoRuns() {
        coordinator.answer("GET", "/migrations", FakeCoordinator.Answer.json(200, "{\"runs\":[]}"));

        assertThat(status().out()).contains("No runs yet").contains("./ferry migrate PLAN.json");
    }

    @Test
    void showsOneRunsTables() {
        coordinator.runStates("r1", "{\"runId\":\"r1\",\"status\":\"RUNNING\",\"tables\":["
                + "{\"table\":\"accounts\",\"status\":\"LOADED\",\"counts\":{\"extracted\":5,\"loaded\":5,\"rejected\":0}},"
                + "{\"table\":\"contacts\",\"status\":\"FAILED\",\"extracted\":7,\"loaded\":2,\"rejected\":0,\"failure\":\"target down\"}]}");

        CommandRun run = status("r1");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Run r1: RUNNING")
                .containsPattern("accounts +LOADED +5 +5 +0")
                .containsPattern("contacts +FAILED +7 +2 +0 +target down")
                .containsPattern("total +12 +7 +0");
    }

    @Test
    void anUnknownRunSaysHowToListTheRuns() {
        CommandRun run = status("nope");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).contains("has no run 'nope': list the runs with ./ferry status");
    }
}
