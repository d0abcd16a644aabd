package dev.ferry.loader;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.common.contract.ControlMessage;
import dev.ferry.common.contract.DeadLetter;
import dev.ferry.common.contract.FerryEvent;
import dev.ferry.common.contract.LoadPass;
import dev.ferry.common.contract.LoadProgress;
import dev.ferry.common.contract.Messages;
import dev.ferry.common.contract.TableReleased;
import dev.ferry.common.contract.Topics;
import dev.ferry.testkit.KafkaBrokerTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The loader service against the in-process broker and an empty emulated target: tables held
 * until released, rows written, offsets committed to the end, progress reported, poison records
 * dead-lettered, lookups bound.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(TargetEmulatorResource.class)
class LoaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration HELD_FOR = Duration.ofSeconds(3);
    private static final Duration LOAD_TIME = Duration.ofSeconds(30);
    private static final String GROUP = "ferry-loader";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "ferry.environments.target.url")
    String targetUrl;

    private final String run = "lt-" + UUID.randomUUID().toString().substring(0, 8);
    private final HttpClient http = HttpClient.newHttpClient();
    private TestKafka kafka;

    @BeforeEach
    void connect() {
        kafka = new TestKafka(bootstrapServers);
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void holdsATableUntilReleasedThenLoadsEveryRowAndCommitsToTheEnd() {
        String topic = Topics.data(run, "accounts");
        kafka.createTopic(topic, 2);
        Map<String, String> accounts = accounts(50, Map.of());
        kafka.sendAll(topic, accounts);

        await().during(HELD_FOR).atMost(HELD_FOR.plusSeconds(2)).until(() -> targetIds("account").isEmpty()
                || !containsAny(targetIds("account"), accounts));

        release("accounts", "accounts", 20);

        await().atMost(LOAD_TIME).until(() -> targetIds("account").keySet().containsAll(accounts.keySet()));
        await().atMost(LOAD_TIME).until(() -> kafka.committed(GROUP, topic).equals(kafka.endOffsets(topic)));
        await().atMost(LOAD_TIME).until(() -> progressTotals("accounts").equals(List.of(50L, 0L)));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("ferry_records_loaded_total{run=\"" + run + "\",table=\"accounts\"} 50.0")
                .contains("ferry_batch_size_records_count{run=\"" + run + "\",table=\"accounts\"}")
                .contains("ferry_write_latency_seconds_count{run=\"" + run + "\",table=\"accounts\"}");
        JsonNode written = targetIds("account").get(accounts.keySet().iterator().next());
        JsonNode source = read(accounts.values().iterator().next());
        assertThat(written.get("name").asText()).isEqualTo(source.get("name").asText());
        assertThat(written.get("creditlimit").decimalValue()).isEqualByComparingTo(source.get("creditlimit").decimalValue());
        assertThat(written.get("statecode").asInt()).isEqualTo(source.get("statecode").asInt());
    }

    @Test
    void sendsAPoisonRecordToTheDeadLetterTopicWithTheReasonAndLoadsEveryOtherRow() {
        String topic = Topics.data(run, "accounts");
        kafka.createTopic(topic, 1);
        String poisonId = UUID.randomUUID().toString();
        Map<String, String> accounts = accounts(30, Map.of(poisonId, "x".repeat(200)));
        kafka.sendAll(topic, accounts);

        release("accounts", "accounts", 10);

        List<ConsumerRecord<String, String>> deadLetters = kafka.readAll(Topics.deadLetters(run), 1, LOAD_TIME);
        assertThat(deadLetters).singleElement().satisfies(record -> {
            DeadLetter letter = Messages.fromJson(record.value(), DeadLetter.class);
            assertThat(letter.recordId()).isEqualTo(poisonId);
            assertThat(record.key()).isEqualTo(poisonId);
            assertThat(letter.runId()).isEqualTo(run);
            assertThat(letter.table()).isEqualTo("accounts");
            assertThat(letter.reason()).contains("160");
            assertThat(letter.targetStatus()).isEqualTo(400);
            assertThat(letter.record().get("name").asText()).hasSize(200);
        });
        await().atMost(LOAD_TIME).until(() -> {
            Map<String, JsonNode> loaded = targetIds("account");
            return accounts.keySet().stream().filter(id -> !id.equals(poisonId)).allMatch(loaded::containsKey);
        });
        assertThat(targetIds("account")).doesNotContainKey(poisonId);
        await().atMost(LOAD_TIME).until(() -> kafka.committed(GROUP, topic).equals(kafka.endOffsets(topic)));
        await().atMost(LOAD_TIME).until(() -> progressTotals("accounts").equals(List.of(29L, 1L)));
        assertThat(given().get("/q/metrics").then().extract().asString())
                .contains("ferry_records_rejected_total{run=\"" + run + "\",table=\"accounts\"} 1.0");
    }

    @Test
    void loadsAChildTableThatBindsItsCustomerToLoadedAccounts() {
        String accountsTopic = Topics.data(run, "accounts");
        String contactsTopic = Topics.data(run, "contacts");
        kafka.createTopic(accountsTopic, 1);
        kafka.createTopic(contactsTopic, 2);
        Map<String, String> accounts = accounts(5, Map.of());
        List<String> accountIds = List.copyOf(accounts.keySet());
        Map<String, String> contacts = new LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            String id = UUID.randomUUID().toString();
            String parent = accountIds.get(i % accountIds.size());
            contacts.put(id, """
                    {"@odata.etag":"W/\\"42\\"","contactid":"%s","fullname":"Ana Müller %d","firstname":"Ana",
                     "lastname":"Müller %d","emailaddress1":"ana%d@example.com",
                     "_parentcustomerid_value@OData.Community.Display.V1.FormattedValue":"Litware",
                     "_parentcustomerid_value@Microsoft.Dynamics.CRM.associatednavigationproperty":"parentcustomerid_account",
                     "_parentcustomerid_value@Microsoft.Dynamics.CRM.lookuplogicalname":"account",
                     "_parentcustomerid_value":"%s","_ownerid_value":null,
                     "createdon":"2020-07-31T05:08:57Z","versionnumber":1000008}""".formatted(id, i, i, i, parent));
        }
        kafka.sendAll(accountsTopic, accounts);
        kafka.sendAll(contactsTopic, contacts);

        release("accounts", "accounts", 50);
        await().atMost(LOAD_TIME).until(() -> targetIds("account").keySet().containsAll(accounts.keySet()));
        release("contacts", "contacts", 5);

        await().atMost(LOAD_TIME).until(() -> targetIds("contact").keySet().containsAll(contacts.keySet()));
        Map<String, JsonNode> written = targetIds("contact");
        int i = 0;
        for (String id : contacts.keySet()) {
            assertThat(written.get(id).get("parentcustomerid").asText())
                    .isEqualTo("account:" + accountIds.get(i++ % accountIds.size()));
        }
        await().atMost(LOAD_TIME).until(() -> kafka.committed(GROUP, contactsTopic).equals(kafka.endOffsets(contactsTopic)));
    }

    @Test
    void loadsSelfReferencingAccountsInTwoPassesRowsFirstThenTheDeferredParents() {
        String rowsTopic = Topics.data(run, "accounts");
        String lookupsTopic = Topics.data(run, "accounts--lookups");
        kafka.createTopic(rowsTopic, 1);
        kafka.createTopic(lookupsTopic, 1);
        // Each account's parent comes after it in the batch (the last one has none): written in one
        // pass, the binds would point at rows that do not exist yet.
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        Map<String, String> parents = new LinkedHashMap<>();
        Map<String, String> rows = new LinkedHashMap<>();
        Map<String, String> lookups = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            String parent = i + 1 < ids.size() ? ids.get(i + 1) : null;
            parents.put(id, parent);
            String parentValue = parent == null ? "null" : "\"" + parent + "\"";
            rows.put(id, account(id, "Litware " + i, i).replace("\"_parentaccountid_value\":null",
                    "\"_parentaccountid_value\":" + parentValue
                            + ",\"_parentaccountid_value@Microsoft.Dynamics.CRM.lookuplogicalname\":\"account\""));
            lookups.put(id, """
                    {"accountid":"%s","_parentaccountid_value":%s,
                     "_parentaccountid_value@Microsoft.Dynamics.CRM.lookuplogicalname":"account"}"""
                    .formatted(id, parentValue));
        }
        kafka.sendAll(rowsTopic, rows);
        kafka.sendAll(lookupsTopic, lookups);

        release(new TableReleased(run, "accounts", "target", "accounts", 50, 4, LoadPass.ROWS,
                List.of("_parentaccountid_value")));

        await().atMost(LOAD_TIME).until(() -> kafka.committed(GROUP, rowsTopic).equals(kafka.endOffsets(rowsTopic)));
        await().atMost(LOAD_TIME).until(() -> progressTotals("accounts").equals(List.of(20L, 0L)));
        Map<String, JsonNode> afterRows = targetIds("account");
        assertThat(afterRows).containsKeys(ids.toArray(String[]::new));
        ids.forEach(id -> assertThat(afterRows.get(id).get("parentaccountid").isNull())
                .as("parent of %s before the lookups pass", id).isTrue());
        assertThat(kafka.committed(GROUP, lookupsTopic)).as("the lookups pass is held until released")
                .isNotEqualTo(kafka.endOffsets(lookupsTopic));

        release(new TableReleased(run, "accounts--lookups", "target", "accounts", 50, 4, LoadPass.DEFERRED_LOOKUPS,
                List.of("_parentaccountid_value")));

        await().atMost(LOAD_TIME).until(() -> kafka.committed(GROUP, lookupsTopic).equals(kafka.endOffsets(lookupsTopic)));
        Map<String, JsonNode> loaded = targetIds("account");
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            String parent = parents.get(id);
            JsonNode row = loaded.get(id);
            if (parent == null) {
                assertThat(row.get("parentaccountid").isNull()).isTrue();
            } else {
                assertThat(row.get("parentaccountid").asText()).as("parent of %s", id).isEqualTo("account:" + parent);
            }
            assertThat(row.get("name").asText()).as("the lookups pass leaves the other columns").isEqualTo("Litware " + i);
        }
        await().atMost(LOAD_TIME).until(() -> progressTotals("accounts--lookups").equals(List.of(19L, 0L)));
    }

    @Test
    void deadLettersTheDeferredLookupsOfARowMissingInTheTargetWithoutCreatingItAndSetsTheOthers() {
        String rowsTopic = Topics.data(run, "accounts");
        String lookupsTopic = Topics.data(run, "accounts--lookups");
        kafka.createTopic(rowsTopic, 1);
        kafka.createTopic(lookupsTopic, 1);
        // The rows pass rejects the missing account (its name is too long), so its row never reaches the target.
        String missingId = UUID.randomUUID().toString();
        Map<String, String> rows = accounts(8, Map.of(missingId, "x".repeat(200)));
        List<String> ids = new ArrayList<>(rows.keySet());
        String parent = ids.get(1);
        Map<String, String> lookups = new LinkedHashMap<>();
        for (String id : ids) {
            lookups.put(id, """
                    {"accountid":"%s","_parentaccountid_value":"%s",
                     "_parentaccountid_value@Microsoft.Dynamics.CRM.lookuplogicalname":"account"}"""
                    .formatted(id, parent));
        }
        kafka.sendAll(rowsTopic, rows);
        kafka.sendAll(lookupsTopic, lookups);

        release(new TableReleased(run, "accounts", "target", "accounts", 50, 4, LoadPass.ROWS,
                List.of("_parentaccountid_value")));
        await().atMost(LOAD_TIME).until(() -> progressTotals("accounts").equals(List.of(7L, 1L)));
        release(new TableReleased(run, "accounts--lookups", "target", "accounts", 50, 4, LoadPass.DEFERRED_LOOKUPS,
                List.of("_parentaccountid_value")));

        await().atMost(LOAD_TIME).until(() -> kafka.committed(GROUP, lookupsTopic).equals(kafka.endOffsets(lookupsTopic)));
        List<DeadLetter> letters = kafka.readAll(Topics.deadLetters(run), 2, LOAD_TIME).stream()
                .map(record -> Messages.fromJson(record.value(), DeadLetter.class)).toList();
        assertThat(letters).filteredOn(letter -> letter.table().equals("accounts--lookups")).singleElement()
                .satisfies(letter -> {
                    assertThat(letter.recordId()).isEqualTo(missingId);
                    assertThat(letter.reason()).contains("row " + missingId + " of accounts is not in the target")
                            .contains("its deferred lookups were not written");
                    assertThat(letter.targetStatus()).isEqualTo(404);
                });
        Map<String, JsonNode> loaded = targetIds("account");
        assertThat(loaded).as("no half-empty row is created").doesNotContainKey(missingId);
        ids.stream().filter(id -> !id.equals(missingId)).forEach(id ->
                assertThat(loaded.get(id).get("parentaccountid").asText()).as("parent of %s", id)
                        .isEqualTo("account:" + parent));
        await().atMost(LOAD_TIME).until(() -> progressTotals("accounts--lookups").equals(List.of(7L, 1L)));
    }

    private void release(TableReleased released) {
        kafka.send(Topics.CONTROL, released.compactionKey(), Messages.toJson(released));
    }

    private void release(String table, String entitySet, int batchSize) {
        ControlMessage released = new TableReleased(run, table, "target", entitySet, batchSize, 4);
        kafka.send(Topics.CONTROL, released.compactionKey(), Messages.toJson(released));
    }

    /** Loaded and rejected, added up over this run's LoadProgress events of the table. */
    private List<Long> progressTotals(String table) {
        List<LoadProgress> events = kafka.readAll(Topics.EVENTS, Integer.MAX_VALUE, Duration.ofSeconds(1)).stream()
                .map(record -> Messages.fromJson(record.value(), FerryEvent.class))
                .filter(event -> event instanceof LoadProgress && event.runId().equals(run) && event.table().equals(table))
                .map(LoadProgress.class::cast)
                .toList();
        events.forEach(event -> assertThat(event.runId()).isEqualTo(run));
        return List.of(events.stream().mapToLong(LoadProgress::loaded).sum(),
                events.stream().mapToLong(LoadProgress::rejected).sum());
    }

    /** The target's rows of a table by id, from the emulator's export. */
    private Map<String, JsonNode> targetIds(String logicalName) {
        String admin = targetUrl.substring(0, targetUrl.indexOf("/api/")) + "/_emulator/";
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(admin + "tables/" + logicalName + "/export")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            Map<String, JsonNode> rows = new HashMap<>();
            for (String line : response.body().split("\n")) {
                if (!line.isBlank()) {
                    JsonNode row = read(line);
                    rows.put(row.get(logicalName + "id").asText(), row);
                }
            }
            return rows;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean containsAny(Map<String, JsonNode> rows, Map<String, String> ids) {
        return ids.keySet().stream().anyMatch(rows::containsKey);
    }

    /** Source-shaped accounts (as an emulator source returns them with every annotation), by id. */
    private static Map<String, String> accounts(int count, Map<String, String> namesById) {
        Map<String, String> accounts = new LinkedHashMap<>();
        namesById.forEach((id, name) -> accounts.put(id, account(id, name, 0)));
        for (int i = accounts.size(); i < count; i++) {
            String id = UUID.randomUUID().toString();
            accounts.put(id, account(id, "Litware " + i, i));
        }
        return accounts.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue,
                (a, b) -> a, LinkedHashMap::new));
    }

    private static String account(String id, String name, int i) {
        return """
                {"@odata.etag":"W/\\"1000005\\"","accountid":"%s","name":"%s","accountnumber":null,
                 "creditlimit@OData.Community.Display.V1.FormattedValue":"$31,063.97","creditlimit":31063.97,
                 "numberofemployees@OData.Community.Display.V1.FormattedValue":"%d","numberofemployees":%d,
                 "address1_city":"London","revenue":null,
                 "statecode@OData.Community.Display.V1.FormattedValue":"Active","statecode":0,
                 "statuscode@OData.Community.Display.V1.FormattedValue":"Active","statuscode":1,
                 "_parentaccountid_value":null,"_primarycontactid_value":null,"_ownerid_value":null,
                 "createdon@OData.Community.Display.V1.FormattedValue":"2/23/2022 10:54 AM","createdon":"2022-02-23T10:54:30Z",
                 "modifiedon":"2023-12-23T21:41:14Z","versionnumber":1000005,"exchangerate":null}"""
                .formatted(id, name, i, i);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
