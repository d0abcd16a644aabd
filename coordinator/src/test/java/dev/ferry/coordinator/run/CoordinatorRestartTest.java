package dev.ferry.coordinator.run;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.ferry.common.contract.ControlMessage;
import dev.ferry.common.contract.ExtractTask;
import dev.ferry.common.contract.ExtractionCompleted;
import dev.ferry.common.contract.LoadPass;
import dev.ferry.common.contract.TableReleased;
import dev.ferry.common.contract.Topics;
import dev.ferry.coordinator.EmulatorEnvironments;
import dev.ferry.coordinator.TestKafka;
import dev.ferry.testkit.KafkaBrokerTestResource;
import dev.ferry.testkit.SharedKafkaBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** A coordinator started on a broker that holds a run in flight carries on with it. */
@QuarkusTest
@TestProfile(CoordinatorRestartTest.SeededRun.class)
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(EmulatorEnvironments.class)
class CoordinatorRestartTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    /** Starts the coordinator after {@link SeededRunResource} wrote the run. */
    public static class SeededRun implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SeededRunResource.class));
        }
    }

    @Test
    void aRunInFlightIsRebuiltItsReleasesSentAgainAndItsLoadWatched() {
        String runId = ConfigProvider.getConfig().getValue(SeededRunResource.RUN_ID_PROPERTY, String.class);
        try (TestKafka kafka = new TestKafka(SharedKafkaBroker.bootstrapServers())) {
            given().when().get("/migrations/" + runId).then().statusCode(200)
                    .body("status", equalTo("RUNNING"))
                    .body("tables[0].status", equalTo("LOADING"))
                    .body("tables[1].waitingFor", equalTo(List.of("accounts")));
            await().atMost(PATIENCE).until(() -> released(kafka, runId).contains("accounts"));
            assertThat(released(kafka, runId)).doesNotContain("opportunities");

            kafka.consumeAndCommit("ferry-loader", Topics.data(runId, "accounts"));
            await().atMost(PATIENCE).until(() -> released(kafka, runId).contains("opportunities"));

            kafka.consumeAndCommit("ferry-loader", Topics.data(runId, "opportunities"));
            await().atMost(PATIENCE).untilAsserted(() -> given().when().get("/migrations/" + runId)
                    .then().body("status", equalTo("SUCCEEDED")));
        }
    }

    @Test
    void aSequentialRunInFlightSendsTheTaskAndReleaseOfItsEntryAgainWithItsDetailsAndNothingElse() throws Exception {
        String runId = ConfigProvider.getConfig().getValue(SeededRunResource.SEQUENTIAL_RUN_ID_PROPERTY, String.class);
        try (TestKafka kafka = new TestKafka(SharedKafkaBroker.bootstrapServers())) {
            await().atMost(PATIENCE).until(() -> released(kafka, runId).contains("accounts")
                    && tasks(kafka, runId).contains("accounts"));
            // The release is rebuilt with the details stored on ferry.runs: the rule of the outside lookup.
            assertThat(kafka.control(runId)).contains(new TableReleased(runId, "accounts", "target", "accounts", 500,
                    16, LoadPass.ROWS, List.of(), null, List.of(SeededRunResource.PRIMARY_CONTACT)));
            assertThat(tasks(kafka, runId)).containsExactly("accounts");
            assertThat(released(kafka, runId)).doesNotContain("opportunities");

            String accounts = Topics.data(runId, "accounts");
            kafka.send(new ExtractionCompleted(runId, "accounts", null, 1,
                    kafka.produceRecords(accounts, List.of("a1"))));
            kafka.consumeAndCommit("ferry-loader", accounts);
            await().atMost(PATIENCE).until(() -> released(kafka, runId).contains("opportunities")
                    && tasks(kafka, runId).contains("opportunities"));
            assertThat(tasks(kafka, runId)).containsExactlyInAnyOrder("accounts", "opportunities");
        }
    }

    private static List<String> tasks(TestKafka kafka, String runId) {
        return kafka.tasks(runId).stream().map(ExtractTask::table).toList();
    }

    private static List<String> released(TestKafka kafka, String runId) {
        return kafka.control(runId).stream().filter(TableReleased.class::isInstance).map(ControlMessage::table)
                .toList();
    }
}
