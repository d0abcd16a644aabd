package dev.ferry.e2e;

import static dev.ferry.e2e.Plans.plan;
import static dev.ferry.e2e.Plans.table;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A coordinator stopped in the middle of a run carries on with it once started again (issue 3, "Tests"). */
class CoordinatorRestartEndToEndTest {
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);
    private static final int LEADS = 20_000;

    private static Stack stack;

    @BeforeAll
    static void startStack() throws Exception {
        // A target 20 ms plus 1 ms per record away, written with small batches two at a time: the
        // load takes several seconds, long enough to stop the coordinator in the middle of it.
        stack = Stack.start("CoordinatorRestartEndToEndTest", "lead=" + LEADS,
                "--latency", "20", "--latency-per-record", "1");
    }

    @AfterAll
    static void stopStack() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aCoordinatorRestartedDuringARunFinishesTheRun() throws Exception {
        ObjectNode plan = plan("e2e-restart", table("leads", MigrationEndToEndTest.LEAD_COLUMNS));
        plan.putObject("options").put("batchSize", 200).put("maxConcurrency", 2);
        CoordinatorClient coordinator = stack.coordinator();
        String runId = coordinator.start(plan);
        JsonNode running = coordinator.awaitRun(runId, "running with some leads loaded",
                r -> r.path("status").asText().equals("RUNNING") && r.path("loaded").asLong() > 0, RUN_TIMEOUT);

        assertThat(stack.stopCoordinator()).as("coordinator's exit code after SIGTERM").isIn(0, 143);
        stack.startCoordinatorAgain();
        JsonNode run = coordinator.awaitFinished(runId, RUN_TIMEOUT);

        assertThat(running.path("loaded").asLong()).as("loaded when the coordinator was stopped: %s", running)
                .isLessThan(LEADS);
        MigrationEndToEndTest.assertSucceededWithoutRejections(coordinator, runId, run);
        assertThat(Exports.differences(stack.source().export("lead"), stack.target().export("lead"), "leadid",
                MigrationEndToEndTest.LEAD_COLUMNS)).as("target leads against the source").isEmpty();
    }
}
