package dev.ferry.coordinator.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.ferry.common.contract.ControlMessage;
import dev.ferry.common.contract.DeadLetter;
import dev.ferry.common.contract.ExtractTask;
import dev.ferry.common.contract.ExtractionCompleted;
import dev.ferry.common.contract.ExtractionProgress;
import dev.ferry.common.contract.LoadPass;
import dev.ferry.common.contract.LoadProgress;
import dev.ferry.common.contract.OutsideLookup;
import dev.ferry.common.contract.TableCancelled;
import dev.ferry.common.contract.TableReleased;
import dev.ferry.common.contract.Topics;
import dev.ferry.common.plan.LookupRule;
import dev.ferry.coordinator.EmulatorEnvironments;
import dev.ferry.coordinator.TestKafka;
import dev.ferry.coordinator.run.DataTopicRetention;
import dev.ferry.testkit.KafkaBrokerTestResource;
import dev.ferry.testkit.SharedKafkaBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(EmulatorEnvironments.class)
class MigrationsApiTest {

    private static final String LOADER_GROUP = "ferry-loader";
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    /** accounts ← opportunities (customerid, parentaccountid): one parent, one child. */
    private static final String PARENT_AND_CHILD = """
            {"name": "accounts and opportunities", "source": "source", "target": "target",
             "tables": [{"entitySet": "opportunities", "select": ["name", "estimatedvalue"]},
                        {"entitySet": "accounts"}],
             "options": {"batchSize": 200, "maxConcurrency": 4}}""";

    private static TestKafka kafka;

    @Inject
    DataTopicRetention retention;

    @BeforeAll
    static void connect() {
        kafka = new TestKafka(SharedKafkaBroker.bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void aBadPlanIsRefusedWithEveryProblemAsProblemJson() {
        String plan = """
                {"name": "bad", "source": "source", "target": "nowhere",
                 "tables": [{"entitySet": "acounts"},
                            {"entitySet": "contacts", "select": ["firstnam"]},
                            {"entitySet": "contacts"}]}""";

        JsonPath problem = given().contentType(ContentType.JSON).body(plan)
                .when().post("/migrations")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ferry:problem:plan-refused"))
                .body("status", equalTo(400))
                .body("instance", equalTo("/migrations"))
                .extract().jsonPath();

        assertThat(problem.getList("problems.code")).contains("UNKNOWN_ENVIRONMENT", "DUPLICATE_TABLE",
                "UNKNOWN_SOURCE_ENTITY_SET", "UNKNOWN_SOURCE_COLUMN");
        assertThat(problem.getList("problems.location")).contains("/target", "/tables/2/entitySet",
                "/tables/0/entitySet", "/tables/1/select/0");
        assertThat(problem.getString("detail")).contains("problem");
    }

    @Test
    void malformedJsonIsRefusedToo() {
        given().contentType(ContentType.JSON).body("{\"name\": ")
                .when().post("/migrations")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("problems[0].code", equalTo("MALFORMED_JSON"));
    }

    @Test
    void httpErrorsOfTheApiAreProblemJsonToo() {
        given().contentType(ContentType.TEXT).body("accounts please")
                .when().post("/migrations")
                .then().statusCode(415)
                .contentType("application/problem+json")
                .body("status", equalTo(415));
        given().when().get("/migrations/x/nothing-here")
                .then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/migrations?limit=0")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ferry:problem:invalid-request"));
    }

    @Test
    void validateShowsTheWavesTheSelectsAndTheDeferredLookups() {
        String plan = """
                {"name": "crm", "source": "source", "target": "target",
                 "tables": [{"entitySet": "opportunities"}, {"entitySet": "contacts", "select": ["lastname"]},
                            {"entitySet": "accounts"}]}""";

        JsonPath report = given().contentType(ContentType.JSON).body(plan)
                .when().post("/migrations/validate")
                .then().statusCode(200).extract().jsonPath();

        assertThat(report.getBoolean("valid")).isTrue();
        assertThat(report.getList("waves")).containsExactly(List.of("contacts"), List.of("accounts"),
                List.of("opportunities"));
        assertThat(report.getList("tables.find { it.table == 'contacts' }.select"))
                .containsExactly("contactid", "lastname", "_parentcustomerid_value");
        assertThat(report.getList("tables.find { it.table == 'opportunities' }.releaseAfter"))
                .containsExactly("contacts", "accounts");
        assertThat(report.getList("tables.table")).containsExactly("opportunities", "contacts", "accounts",
                "contacts--lookups", "accounts--lookups");
        assertThat(report.getString("tables.find { it.table == 'contacts--lookups' }.pass"))
                .isEqualTo("DEFERRED_LOOKUPS");
        assertThat(report.getList("tables.find { it.table == 'contacts--lookups' }.select"))
                .containsExactly("contactid", "_parentcustomerid_value");
        assertThat(report.getList("tables.find { it.table == 'contacts--lookups' }.releaseAfter"))
                .containsExactly("contacts", "accounts");
        assertThat(report.getList("deferredLookups.lookup"))
                .containsExactly("_parentaccountid_value", "_parentcustomerid_value");
        assertThat(report.getString("deferredLookups.find { it.table == 'contacts' }.reason"))
                .isEqualTo("self-reference; also breaks cycle contacts→accounts→contacts");
        assertThat(report.getList("deferredLookups.find { it.table == 'contacts' }.targets"))
                .containsExactly("contacts", "accounts");
        assertThat(report.getList("notes", String.class)).hasSize(3)
                .noneMatch(note -> note.contains("may be rejected"))
                .anySatisfy(note -> assertThat(note).contains("accountleads_association").contains("not in the plan"));
    }

    @Test
    void validatingABadPlanListsItsProblemsWithoutAnOrder() {
        given().contentType(ContentType.JSON)
                .body("{\"name\": \"x\", \"source\": \"source\", \"target\": \"target\", \"tables\": []}")
                .when().post("/migrations/validate")
                .then().statusCode(200)
                .body("valid", equalTo(false))
                .body("problems[0].code", equalTo("NO_TABLES"))
                .body("waves", hasSize(0));
    }

    @Test
    void anUnknownRunIsA404Problem() {
        given().when().get("/migrations/no-such-run")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ferry:problem:run-not-found"))
                .body("instance", equalTo("/migrations/no-such-run"));
        given().when().post("/migrations/no-such-run/cancel").then().statusCode(404);
        given().when().get("/migrations/no-such-run/errors").then().statusCode(404);
    }

    @Test
    void aRunReleasesParentsFirstAndSucceedsOnceTheLoadersCaughtUp() throws Exception {
        Response accepted = given().contentType(ContentType.JSON).body(PARENT_AND_CHILD)
                .when().post("/migrations")
                .then().statusCode(202)
                .body("status", equalTo("ACCEPTED"))
                .extract().response();
        String runId = accepted.jsonPath().getString("runId");
        assertThat(accepted.header("Location")).endsWith("/migrations/" + runId);

        // Topics and tasks: one task per table, at once, with the select the load needs.
        String accounts = Topics.data(runId, "accounts");
        String opportunities = Topics.data(runId, "opportunities");
        String accountsPass = Topics.data(runId, "accounts--lookups");
        await().atMost(PATIENCE).until(() -> kafka.tasks(runId).size() == 3);
        assertThat(kafka.topics()).contains(accounts, opportunities, accountsPass, Topics.deadLetters(runId),
                Topics.RUNS, Topics.CONTROL);
        assertThat(kafka.partitions(accounts)).isEqualTo(3);
        ExtractTask opportunitiesTask = kafka.tasks(runId).stream()
                .filter(task -> task.table().equals("opportunities")).findFirst().orElseThrow();
        assertThat(opportunitiesTask.select()).containsExactly("opportunityid", "name", "estimatedvalue",
                "_customerid_value", "_parentaccountid_value");
        assertThat(opportunitiesTask.sourceEnvironment()).isEqualTo("source");
        assertThat(opportunitiesTask.pageSize()).isEqualTo(5000);
        // account.parentaccountid is a self-reference: a second pass extracts the record id and it alone.
        ExtractTask passTask = kafka.tasks(runId).stream()
                .filter(task -> task.table().equals("accounts--lookups")).findFirst().orElseThrow();
        assertThat(passTask.entitySet()).isEqualTo("accounts");
        assertThat(passTask.select()).containsExactly("accountid", "_parentaccountid_value");

        // accounts has no parent in the plan: released at once; opportunities waits for it.
        await().atMost(PATIENCE).until(() -> released(runId).contains("accounts"));
        assertThat(kafka.control(runId)).contains(new TableReleased(runId, "accounts", "target", "accounts", 200, 4,
                LoadPass.ROWS, List.of("_parentaccountid_value"), null, List.of(
                        new OutsideLookup("_primarycontactid_value", "primarycontactid", List.of("contacts"),
                                LookupRule.KEEP),
                        new OutsideLookup("_ownerid_value", "ownerid", List.of("systemusers", "teams"),
                                LookupRule.KEEP))));
        assertThat(released(runId)).doesNotContain("opportunities", "accounts--lookups");
        JsonPath waiting = run(runId);
        assertThat(waiting.getString("status")).isEqualTo("RUNNING");
        assertThat(table(waiting, "opportunities", "status")).isEqualTo("WAITING");
        assertThat(waiting.getList("tables.find { it.table == 'opportunities' }.waitingFor"))
                .containsExactly("accounts");
        assertThat(waiting.getList("tables.find { it.table == 'accounts--lookups' }.waitingFor"))
                .containsExactly("accounts");
        assertThat(waiting.getString("tables.find { it.table == 'accounts--lookups' }.pass"))
                .isEqualTo("DEFERRED_LOOKUPS");
        assertThat(waiting.getList("notes", String.class)).hasSize(2).first().asString()
                .contains("accounts._parentaccountid_value").contains("self-reference");

        // The extractor's part: records in the data topics, progress and completion events.
        Map<Integer, Long> accountEnds = kafka.produceRecords(accounts, List.of("a1", "a2", "a3", "a4", "a5"));
        Map<Integer, Long> opportunityEnds = kafka.produceRecords(opportunities, List.of("o1", "o2", "o3"));
        Map<Integer, Long> passEnds = kafka.produceRecords(accountsPass, List.of("a1", "a2"));
        kafka.send(new ExtractionProgress(runId, "opportunities", null, 1, 3));
        await().atMost(PATIENCE).until(() -> "EXTRACTING".equals(table(run(runId), "opportunities", "status")));
        kafka.send(new ExtractionCompleted(runId, "accounts", null, 5, accountEnds));
        kafka.send(new ExtractionCompleted(runId, "opportunities", null, 3, opportunityEnds));
        kafka.send(new ExtractionCompleted(runId, "accounts--lookups", null, 2, passEnds));

        // Not loaded before the loaders committed: completion alone does not load a table.
        await().atMost(PATIENCE).until(() -> "true".equals(table(run(runId), "opportunities", "extractionCompleted")));
        assertThat(table(run(runId), "accounts", "status")).isEqualTo("LOADING");

        // The loaders' part for accounts: offsets committed up to the end, progress reported.
        kafka.consumeAndCommit(LOADER_GROUP, accounts);
        kafka.send(new LoadProgress(runId, "accounts", 5, 0));
        await().atMost(PATIENCE).until(() -> "LOADED".equals(table(run(runId), "accounts", "status")));
        await().atMost(PATIENCE).until(() -> released(runId).containsAll(List.of("opportunities",
                "accounts--lookups")));
        assertThat(table(run(runId), "opportunities", "status")).isEqualTo("LOADING");
        assertThat(kafka.control(runId)).contains(new TableReleased(runId, "accounts--lookups", "target", "accounts",
                200, 4, LoadPass.DEFERRED_LOOKUPS, List.of("_parentaccountid_value")));

        kafka.consumeAndCommit(LOADER_GROUP, opportunities);
        kafka.send(new LoadProgress(runId, "opportunities", 2, 1));
        await().atMost(PATIENCE).until(() -> "LOADED".equals(table(run(runId), "opportunities", "status")));
        assertThat(run(runId).getString("status")).isEqualTo("RUNNING");

        // The run succeeds once the second pass is loaded too.
        kafka.consumeAndCommit(LOADER_GROUP, accountsPass);
        await().atMost(PATIENCE).until(() -> "SUCCEEDED".equals(run(runId).getString("status")));

        JsonPath done = run(runId);
        assertThat(done.getString("finishedAt")).isNotNull();
        assertThat(done.getLong("extracted")).as("rows passes only: the lookups pass re-reads accounts").isEqualTo(8);
        assertThat(done.getLong("loaded")).isEqualTo(7);
        assertThat(done.getLong("rejected")).isEqualTo(1);
        assertThat(table(done, "opportunities", "rejected")).isEqualTo("1");
        assertThat(done.getList("tables.table")).containsExactly("opportunities", "accounts", "accounts--lookups");

        // History, newest first; metrics; a finished run cannot be cancelled.
        given().when().get("/migrations").then().statusCode(200)
                .body("find { it.runId == '" + runId + "' }.status", equalTo("SUCCEEDED"))
                .body("find { it.runId == '" + runId + "' }.loadedTables", equalTo(3));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("ferry_table_state{run=\"" + runId + "\",table=\"accounts\"} 3.0"));
        given().when().post("/migrations/" + runId + "/cancel").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void theErrorsOfARunAreItsDeadLettersPageByPage() throws Exception {
        String runId = submit(PARENT_AND_CHILD);
        await().atMost(PATIENCE).until(() -> kafka.topics().contains(Topics.deadLetters(runId)));
        for (int i = 1; i <= 3; i++) {
            kafka.send(Topics.deadLetters(runId), "o" + i, new DeadLetter(runId, "opportunities", "o" + i,
                    "The length of the 'name' attribute exceeded 300", 400, "0x80044331", null));
        }

        given().when().get("/migrations/" + runId + "/errors?limit=2").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items", hasSize(2))
                .body("items[0].recordId", equalTo("o1"))
                .body("items[0].table", equalTo("opportunities"))
                .body("items[0].reason", containsString("exceeded 300"))
                .body("items[0].status", equalTo(400))
                .body("items[0].code", equalTo("0x80044331"));
        given().when().get("/migrations/" + runId + "/errors?offset=2&limit=2").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].recordId", equalTo("o3"));
        given().when().get("/migrations/" + runId + "/errors?limit=100000").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("between 1 and 1000"));
    }

    @Test
    void cancellingARunCancelsItsUnfinishedTables() {
        String runId = submit(PARENT_AND_CHILD);
        await().atMost(PATIENCE).until(() -> released(runId).contains("accounts"));

        given().when().post("/migrations/" + runId + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("tables.status", equalTo(List.of("CANCELLED", "CANCELLED", "CANCELLED")));

        await().atMost(PATIENCE).until(() -> kafka.control(runId).stream()
                .filter(TableCancelled.class::isInstance).count() == 3);
        List<ControlMessage> control = kafka.control(runId);
        assertThat(control.get(control.size() - 1)).isInstanceOf(TableCancelled.class);
        assertThat(run(runId).getString("failure")).isEqualTo("run cancelled on request");
    }

    @Test
    void deletesTheDataTopicsOfAFinishedRunOnceItsRetentionHasPassedAndKeepsItsStateAndDeadLetters()
            throws Exception {
        String finished = submit(PARENT_AND_CHILD);
        String running = submit(PARENT_AND_CHILD);
        await().atMost(PATIENCE).until(() -> released(finished).contains("accounts") && released(running).contains("accounts"));
        given().when().post("/migrations/" + finished + "/cancel").then().statusCode(200);

        assertThat(retention.deleteExpired(Instant.now())).doesNotContainKey(finished);
        Map<String, Set<String>> deleted = retention.deleteExpired(Instant.now().plus(Duration.ofDays(1)));

        assertThat(deleted).doesNotContainKey(running);
        assertThat(deleted.get(finished)).contains(Topics.data(finished, "accounts"));
        await().atMost(PATIENCE).until(() -> kafka.topics().stream().noneMatch(t -> t.startsWith(Topics.dataPrefix(finished))));
        assertThat(kafka.topics()).contains(Topics.data(running, "accounts"), Topics.deadLetters(finished));
        assertThat(run(finished).getString("status")).isEqualTo("CANCELLED");
    }

    @Test
    void theApiIsDescribedByOpenApiWithASwaggerUi() {
        given().when().get("/q/openapi").then().statusCode(200)
                .body(containsString("/migrations/{id}/errors"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    private static String submit(String plan) {
        return given().contentType(ContentType.JSON).body(plan)
                .when().post("/migrations")
                .then().statusCode(202).extract().jsonPath().getString("runId");
    }

    private static JsonPath run(String runId) {
        return given().when().get("/migrations/" + runId).then().statusCode(200).extract().jsonPath();
    }

    private static String table(JsonPath run, String table, String field) {
        return run.getString("tables.find { it.table == '" + table + "' }." + field);
    }

    private static List<String> released(String runId) {
        return kafka.control(runId).stream().filter(TableReleased.class::isInstance)
                .map(ControlMessage::table).toList();
    }
}
