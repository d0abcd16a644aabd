package dev.ferry.coordinator.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ferry.common.contract.AssociationTarget;
import dev.ferry.common.contract.ControlMessage;
import dev.ferry.common.contract.ExtractTask;
import dev.ferry.common.contract.ExtractionCompleted;
import dev.ferry.common.contract.LoadPass;
import dev.ferry.common.contract.LoadProgress;
import dev.ferry.common.contract.OutsideLookup;
import dev.ferry.common.contract.TableReleased;
import dev.ferry.common.contract.Topics;
import dev.ferry.common.plan.LookupRule;
import dev.ferry.coordinator.EmulatorEnvironments;
import dev.ferry.coordinator.TestKafka;
import dev.ferry.testkit.KafkaBrokerTestResource;
import dev.ferry.testkit.SharedKafkaBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The relationship engine through the API, on a real broker with emulated environments: many-to-many
 * associations entries, rules for lookups outside the plan, and the sequential schedule. The
 * extractors' and loaders' parts are played by {@link TestKafka} (records, events, committed offsets).
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(EmulatorEnvironments.class)
class RelationshipsApiTest {

    private static final String LOADER_GROUP = "ferry-loader";
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String ASSOCIATIONS = "accountleads_association--associations";
    private static final AssociationTarget ACCOUNT_LEADS = new AssociationTarget("accountleads_association",
            "accounts", "accountleads_association", "accountid", "leads", "leadid");
    /**
     * leads ← accounts (leads.parentaccountid), accounts' self-reference in a second pass
     * (accounts--lookups), and their N:N accountleads_association.
     */
    private static final String ACCOUNTS_AND_LEADS = """
            {"name": "accounts and leads", "source": "source", "target": "target",
             "tables": [{"entitySet": "leads", "select": ["subject", "parentaccountid"]},
                        {"entitySet": "accounts", "select": ["name"]}]}""";

    private static TestKafka kafka;

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
    void validateListsTheAssociationsEntryItsReleaseAfterAndTheRulesOfLookupsOutsideThePlan() {
        String plan = """
                {"name": "crm", "source": "source", "target": "target",
                 "tables": [{"entitySet": "opportunities", "lookups": {"parentcontactid": "clear"}},
                            {"entitySet": "leads"}, {"entitySet": "accounts"}]}""";

        JsonPath report = validate(plan);

        assertThat(report.getBoolean("valid")).isTrue();
        assertThat(report.getList("tables.table")).last().isEqualTo(ASSOCIATIONS);
        String entry = "tables.find { it.table == '" + ASSOCIATIONS + "' }.";
        assertThat(report.getString(entry + "pass")).isEqualTo("ASSOCIATIONS");
        assertThat(report.getString(entry + "entitySet")).isEqualTo("accountleadscollection");
        assertThat(report.getList(entry + "select")).containsExactly("accountleadid", "accountid", "leadid");
        assertThat(report.getList(entry + "releaseAfter")).containsExactly("leads", "accounts");
        assertThat(report.getString(entry + "association.navigationProperty")).isEqualTo("accountleads_association");
        assertThat(report.getList("associations.relationship")).containsExactly("accountleads_association");
        assertThat(report.getList("notes", String.class)).noneMatch(note -> note.contains("accountleads_association"));
        String opportunities = "tables.find { it.table == 'opportunities' }.outsideLookups";
        assertThat(report.getList(opportunities + ".logicalName")).contains("customerid", "parentcontactid");
        assertThat(report.getString(opportunities + ".find { it.logicalName == 'parentcontactid' }.rule"))
                .isEqualTo("CLEAR");
        assertThat(report.getList(opportunities + ".find { it.logicalName == 'customerid' }.entitySets"))
                .containsExactly("contacts");
        assertThat(report.getString(opportunities + ".find { it.logicalName == 'customerid' }.rule"))
                .isEqualTo("KEEP");

        JsonPath oneSide = validate("""
                {"name": "accounts", "source": "source", "target": "target", "tables": [{"entitySet": "accounts"}]}""");
        assertThat(oneSide.getList("associations")).isEmpty();
        assertThat(oneSide.getList("notes", String.class)).filteredOn(note -> note.contains("accountleads_association"))
                .singleElement().asString().contains("not in the plan");
    }

    @Test
    void copiesAssociationsOnlyAfterBothSidesAreLoaded() throws Exception {
        String runId = submit(ACCOUNTS_AND_LEADS);

        // Extracted at once like a table: the intersect table's row id and the two sides' ids.
        await().atMost(PATIENCE).until(() -> kafka.tasks(runId).size() == 4);
        ExtractTask task = task(runId, ASSOCIATIONS);
        assertThat(task.entitySet()).isEqualTo("accountleadscollection");
        assertThat(task.select()).containsExactly("accountleadid", "accountid", "leadid");
        assertThat(task.filter()).isNull();
        String accounts = Topics.data(runId, "accounts");
        String leads = Topics.data(runId, "leads");
        String accountsPass = Topics.data(runId, "accounts--lookups");
        String associations = Topics.data(runId, ASSOCIATIONS);
        complete(runId, "accounts", kafka.produceRecords(accounts, List.of("a1", "a2")));
        complete(runId, "accounts--lookups", kafka.produceRecords(accountsPass, List.of("a1", "a2")));
        complete(runId, "leads", kafka.produceRecords(leads, List.of("l1", "l2")));
        complete(runId, ASSOCIATIONS, kafka.produceRecords(associations, List.of("al1", "al2", "al3")));

        await().atMost(PATIENCE).until(() -> released(runId).contains("accounts"));
        assertThat(waitingFor(run(runId), ASSOCIATIONS)).containsExactly("leads", "accounts");

        kafka.consumeAndCommit(LOADER_GROUP, accounts);
        await().atMost(PATIENCE).until(() -> released(runId).contains("leads"));
        assertThat(waitingFor(run(runId), ASSOCIATIONS)).containsExactly("leads");
        assertThat(released(runId)).doesNotContain(ASSOCIATIONS);

        kafka.consumeAndCommit(LOADER_GROUP, leads);
        await().atMost(PATIENCE).until(() -> released(runId).contains(ASSOCIATIONS));
        assertThat(kafka.control(runId)).contains(new TableReleased(runId, ASSOCIATIONS, "target",
                "accountleadscollection", 500, 16, LoadPass.ASSOCIATIONS, List.of(), ACCOUNT_LEADS, List.of()));

        // The loaders report an associations pass like any other: written, rejected, committed.
        kafka.send(new LoadProgress(runId, ASSOCIATIONS, 2, 1));
        kafka.consumeAndCommit(LOADER_GROUP, associations);
        kafka.consumeAndCommit(LOADER_GROUP, accountsPass);
        await().atMost(PATIENCE).until(() -> "SUCCEEDED".equals(run(runId).getString("status")));
        JsonPath done = run(runId);
        assertThat(table(done, ASSOCIATIONS, "pass")).isEqualTo("ASSOCIATIONS");
        assertThat(table(done, ASSOCIATIONS, "loaded")).isEqualTo("2");
        assertThat(table(done, ASSOCIATIONS, "rejected")).isEqualTo("1");
        assertThat(done.getLong("rejected")).isEqualTo(1);
    }

    @Test
    void theRulesOfLookupsOutsideThePlanReachTheRelease() {
        String runId = submit("""
                {"name": "leads alone", "source": "source", "target": "target",
                 "tables": [{"entitySet": "leads", "select": ["subject", "parentaccountid"],
                             "lookups": {"parentaccountid": "reject"}}]}""");

        await().atMost(PATIENCE).until(() -> released(runId).contains("leads"));

        assertThat(kafka.control(runId)).containsExactly(new TableReleased(runId, "leads", "target", "leads", 500, 16,
                LoadPass.ROWS, List.of(), null, List.of(new OutsideLookup("_parentaccountid_value", "parentaccountid",
                        List.of("accounts"), LookupRule.REJECT))));
    }

    @Test
    void aSequentialScheduleExtractsAndReleasesOneEntryAtATime() throws Exception {
        String runId = submit("""
                {"name": "one at a time", "source": "source", "target": "target",
                 "tables": [{"entitySet": "leads", "select": ["subject", "parentaccountid"]},
                            {"entitySet": "accounts", "select": ["name"]}],
                 "options": {"schedule": "sequential"}}""");

        // accounts first (leads depend on it), then leads, then accounts' second pass, then the associations.
        await().atMost(PATIENCE).until(() -> released(runId).contains("accounts") && !tables(runId).isEmpty());
        assertThat(tables(runId)).containsExactly("accounts");
        assertThat(released(runId)).containsExactly("accounts");
        assertThat(waitingFor(run(runId), "leads")).containsExactly("accounts");
        loadNext(runId, "accounts", List.of("accounts", "leads"));
        assertThat(waitingFor(run(runId), ASSOCIATIONS)).containsExactly("leads", "accounts--lookups");
        loadNext(runId, "leads", List.of("accounts", "leads", "accounts--lookups"));
        loadNext(runId, "accounts--lookups", List.of("accounts", "leads", "accounts--lookups", ASSOCIATIONS));

        assertThat(task(runId, ASSOCIATIONS).entitySet()).isEqualTo("accountleadscollection");
    }

    /**
     * In a sequential run: the entry's extraction completes and the loaders catch up; only then the
     * next entry's task and release go out, and nothing after it. (Tasks and releases are compared
     * as sets: their topics have several partitions, which keep no order between them.)
     */
    private static void loadNext(String runId, String entry, List<String> sentThen) throws Exception {
        String topic = Topics.data(runId, entry);
        String next = sentThen.get(sentThen.size() - 1);
        complete(runId, entry, kafka.produceRecords(topic, List.of(entry + "-1")));
        assertThat(released(runId)).doesNotContain(next);
        kafka.consumeAndCommit(LOADER_GROUP, topic);
        await().atMost(PATIENCE).until(() -> released(runId).contains(next) && tables(runId).contains(next));
        assertThat(tables(runId)).containsExactlyInAnyOrderElementsOf(sentThen);
        assertThat(released(runId)).containsExactlyInAnyOrderElementsOf(sentThen);
    }

    private static void complete(String runId, String table, Map<Integer, Long> endOffsets) throws Exception {
        kafka.send(new ExtractionCompleted(runId, table, null, endOffsets.values().stream().mapToLong(Long::longValue)
                .sum(), endOffsets));
    }

    private static JsonPath validate(String plan) {
        return given().contentType(ContentType.JSON).body(plan)
                .when().post("/migrations/validate")
                .then().statusCode(200).extract().jsonPath();
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

    private static List<String> waitingFor(JsonPath run, String table) {
        return run.getList("tables.find { it.table == '" + table + "' }.waitingFor", String.class);
    }

    private static ExtractTask task(String runId, String table) {
        return kafka.tasks(runId).stream().filter(task -> task.table().equals(table)).findFirst().orElseThrow();
    }

    /** The entries whose extract task was sent. */
    private static List<String> tables(String runId) {
        return kafka.tasks(runId).stream().map(ExtractTask::table).toList();
    }

    private static List<String> released(String runId) {
        return kafka.control(runId).stream().filter(TableReleased.class::isInstance)
                .map(ControlMessage::table).toList();
    }
}
