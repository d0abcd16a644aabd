package dev.ferry.coordinator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.common.plan.PlanProblem;
import dev.ferry.common.plan.ProblemCode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void aRefusedPlanListsItsProblemsWithCodeLocationAndMessage() throws Exception {
        Problem problem = new Problem("urn:ferry:problem:plan-refused", "The plan was refused", 400, "2 problems",
                "/migrations", List.of(new PlanProblem(ProblemCode.DUPLICATE_TABLE, "/tables/1/entitySet", "twice"),
                        new PlanProblem(ProblemCode.UNKNOWN_ENVIRONMENT, "/source", "unknown")));

        JsonNode json = mapper.readTree(mapper.writeValueAsString(problem));

        assertThat(json.get("type").asText()).isEqualTo("urn:ferry:problem:plan-refused");
        assertThat(json.get("status").asInt()).isEqualTo(400);
        assertThat(json.get("instance").asText()).isEqualTo("/migrations");
        assertThat(json.get("problems")).hasSize(2);
        assertThat(json.get("problems").get(0).get("code").asText()).isEqualTo("DUPLICATE_TABLE");
        assertThat(json.get("problems").get(0).get("location").asText()).isEqualTo("/tables/1/entitySet");
    }

    @Test
    void otherProblemsHaveNoProblemsMember() throws Exception {
        Problem problem = new Problem("urn:ferry:problem:run-not-found", "No such run", 404, "no run 'x'",
                "/migrations/x", null);

        assertThat(mapper.readTree(mapper.writeValueAsString(problem)).has("problems")).isFalse();
    }

    @Test
    void runIdsAreSafeForTopicNamesAndUnique() {
        String first = RunIds.next("Prod → Test (nightly)");
        String second = RunIds.next("Prod → Test (nightly)");

        assertThat(first).matches("prod-test-nightly-[0-9a-f]{8}");
        assertThat(second).isNotEqualTo(first);
        assertThat(RunIds.next("  ")).matches("run-[0-9a-f]{8}");
        assertThat(RunIds.next("x".repeat(100))).hasSize(40 + 1 + 8);
    }
}
