package dev.ferry.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.common.contract.AssociationTarget;
import dev.ferry.common.contract.DeadLetter;
import dev.ferry.common.contract.FerryEvent;
import dev.ferry.common.contract.LoadPass;
import dev.ferry.common.contract.LoadProgress;
import dev.ferry.common.contract.Messages;
import dev.ferry.common.contract.OutsideLookup;
import dev.ferry.common.contract.TableReleased;
import dev.ferry.common.contract.Topics;
import dev.ferry.common.odata.ODataClients;
import dev.ferry.common.odata.UpsertItem;
import dev.ferry.common.plan.LookupRule;
import dev.ferry.testkit.KafkaBrokerTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The relationship passes of the loader against the in-process broker and an emulated target:
 * many-to-many associations written as links, and the rules for lookups that point at tables the
 * plan does not copy (keep, clear, reject).
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(TargetEmulatorResource.class)
class RelationshipLoadTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LOAD_TIME = Duration.ofSeconds(30);
    private static final String GROUP = "ferry-loader";
    private static final String ASSOCIATIONS = "accountleads_association--associations";
    private static final AssociationTarget ACCOUNT_LEADS = new AssociationTarget("accountleads_association", "accounts",
            "accountleads_association", "accountid", "leads", "leadid");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "ferry.environments.target.url")
    String targetUrl;

    @Inject
    ODataClients clients;

    private final String run = "rl-" + UUID.randomUUID().toString().substring(0, 8);
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
    void writesEveryAssociationDeadLettersThoseMissingASideAndTakesTheSameRecordsAgainHarmlessly() {
        List<String> accounts = createInTarget("accounts", 3, i -> row("name", "Litware " + i));
        List<String> leads = createInTarget("leads", 3, i -> row("subject", "Lead " + i));
        Map<String, String> intersect = new LinkedHashMap<>();
        Set<List<String>> pairs = new HashSet<>();
        for (String account : accounts) {
            for (int j = 0; j < 2; j++) {
                String lead = leads.get((accounts.indexOf(account) + j) % leads.size());
                pairs.add(List.of(account, lead));
                intersect.put(UUID.randomUUID().toString(),
                        "{\"accountid\":\"%s\",\"leadid\":\"%s\"}".formatted(account, lead));
            }
        }
        String missingLead = UUID.randomUUID().toString();
        String toMissingLead = UUID.randomUUID().toString();
        intersect.put(toMissingLead, "{\"accountid\":\"%s\",\"leadid\":\"%s\"}".formatted(accounts.get(0), missingLead));
        String withoutLead = UUID.randomUUID().toString();
        intersect.put(withoutLead, "{\"accountid\":\"%s\",\"leadid\":null}".formatted(accounts.get(1)));
        String topic = Topics.data(run, ASSOCIATIONS);
        kafka.createTopic(topic, 2);
        kafka.sendAll(topic, intersect);

        release(new TableReleased(run, ASSOCIATIONS, "target", "accountleadscollection", 3, 4, LoadPass.ASSOCIATIONS,
                List.of(), ACCOUNT_LEADS, List.of()));

        await().atMost(LOAD_TIME).until(() -> kafka.committed(GROUP, topic).equals(kafka.endOffsets(topic)));
        assertThat(associationsOf(accounts)).isEqualTo(pairs);
        await().atMost(LOAD_TIME).until(() -> progressTotals(ASSOCIATIONS).equals(List.of(6L, 2L)));
        Map<String, DeadLetter> letters = deadLetters(2);
        assertThat(letters.get(toMissingLead).reason()).contains("accounts(" + accounts.get(0) + ") to leads("
                + missingLead + ") through accountleads_association").contains("one of the two rows is not in the target");
        assertThat(letters.get(toMissingLead).targetStatus()).isEqualTo(404);
        assertThat(letters.get(withoutLead).reason()).contains("has no leadid");

        // A loader that died before committing reads them again: existing links count as written.
        kafka.sendAll(topic, intersect);

        await().atMost(LOAD_TIME).until(() -> kafka.committed(GROUP, topic).equals(kafka.endOffsets(topic)));
        await().atMost(LOAD_TIME).until(() -> progressTotals(ASSOCIATIONS).equals(List.of(12L, 4L)));
        assertThat(associationsOf(accounts)).isEqualTo(pairs);
    }

    @Test
    void keepBindsAParentOutsideThePlanThatExistsAndDeadLettersOneThatDoesNot() {
        String existing = createInTarget("accounts", 1, i -> row("name", "Outside parent")).get(0);
        String missing = UUID.randomUUID().toString();
        Map<String, String> contacts = new LinkedHashMap<>();
        String bound = contact(contacts, existing);
        String orphan = contact(contacts, missing);

        load(contacts, LookupRule.KEEP);

        await().atMost(LOAD_TIME).until(() -> progressTotals("contacts").equals(List.of(1L, 1L)));
        assertThat(targetRows("contact").get(bound).get("parentcustomerid").asText()).isEqualTo("account:" + existing);
        assertThat(targetRows("contact")).doesNotContainKey(orphan);
        assertThat(deadLetters(1).get(orphan).reason()).isEqualTo("Record " + orphan + " of contacts: lookup"
                + " parentcustomerid (_parentcustomerid_value) points at accounts(" + missing + "), which the plan does"
                + " not copy and which is not in the target. Add accounts to the plan, or set the rule of lookup"
                + " parentcustomerid to clear to load the record without it.");
    }

    @Test
    void clearWritesTheLookupEmptyOnCreateAndOverAValueTheTargetHad() {
        String earlierParent = createInTarget("accounts", 1, i -> row("name", "Earlier parent")).get(0);
        Map<String, String> contacts = new LinkedHashMap<>();
        String contact = contact(contacts, UUID.randomUUID().toString());
        ObjectNode before = row("lastname", "Before").put("parentcustomerid_account@odata.bind",
                "/accounts(" + earlierParent + ")");
        assertThat(clients.client("target").upsert("contacts", List.of(new UpsertItem(contact, before))).allWritten())
                .isTrue();
        assertThat(targetRows("contact").get(contact).get("parentcustomerid").asText())
                .isEqualTo("account:" + earlierParent);

        String created = contact(contacts, UUID.randomUUID().toString());

        load(contacts, LookupRule.CLEAR);

        await().atMost(LOAD_TIME).until(() -> progressTotals("contacts").equals(List.of(2L, 0L)));
        JsonNode updated = targetRows("contact").get(contact);
        assertThat(updated.get("lastname").asText()).isEqualTo("Müller");
        assertThat(updated.get("parentcustomerid").isNull()).isTrue();
        assertThat(targetRows("contact").get(created).get("parentcustomerid").isNull()).as("created with a null bind")
                .isTrue();
    }

    @Test
    void rejectDeadLettersARecordWhoseLookupPointsOutsideThePlanAndLoadsTheOthers() {
        String parent = createInTarget("accounts", 1, i -> row("name", "Outside parent")).get(0);
        Map<String, String> contacts = new LinkedHashMap<>();
        String rejected = contact(contacts, parent);
        String withoutParent = contact(contacts, null);

        load(contacts, LookupRule.REJECT);

        await().atMost(LOAD_TIME).until(() -> progressTotals("contacts").equals(List.of(1L, 1L)));
        assertThat(targetRows("contact")).containsKey(withoutParent).doesNotContainKey(rejected);
        assertThat(deadLetters(1).get(rejected).reason())
                .contains("Lookup parentcustomerid (_parentcustomerid_value) points at accounts(" + parent + ")")
                .contains("rule for this lookup is reject");
    }

    /** Loads the contacts with the plan's rule for parentcustomerid when it points at accounts (outside the plan). */
    private void load(Map<String, String> contacts, LookupRule rule) {
        String topic = Topics.data(run, "contacts");
        kafka.createTopic(topic, 1);
        kafka.sendAll(topic, contacts);
        release(new TableReleased(run, "contacts", "target", "contacts", 10, 4, LoadPass.ROWS, List.of(), null,
                List.of(new OutsideLookup("_parentcustomerid_value", "parentcustomerid", List.of("accounts"), rule))));
        await().atMost(LOAD_TIME).until(() -> kafka.committed(GROUP, topic).equals(kafka.endOffsets(topic)));
    }

    /** Adds a source-shaped contact whose customer is that account (or none) and returns its id. */
    private static String contact(Map<String, String> contacts, String parentAccount) {
        String id = UUID.randomUUID().toString();
        String parent = parentAccount == null ? "null" : "\"" + parentAccount + "\"";
        contacts.put(id, """
                {"@odata.etag":"W/\\"42\\"","contactid":"%s","fullname":"Ana Müller","firstname":"Ana",
                 "lastname":"Müller","_parentcustomerid_value":%s,
                 "_parentcustomerid_value@Microsoft.Dynamics.CRM.lookuplogicalname":"account",
                 "_ownerid_value":null,"createdon":"2020-07-31T05:08:57Z"}""".formatted(id, parent));
        return id;
    }

    private List<String> createInTarget(String entitySet, int count, IntFunction<ObjectNode> body) {
        List<UpsertItem> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(new UpsertItem(UUID.randomUUID().toString(), body.apply(i)));
        }
        assertThat(clients.client("target").upsert(entitySet, items).allWritten()).isTrue();
        return items.stream().map(UpsertItem::recordId).toList();
    }

    private static ObjectNode row(String column, String value) {
        return JsonNodeFactory.instance.objectNode().put(column, value);
    }

    private void release(TableReleased released) {
        kafka.send(Topics.CONTROL, released.compactionKey(), Messages.toJson(released));
    }

    /** This run's dead letters by record id, once there are {@code expected} of them. */
    private Map<String, DeadLetter> deadLetters(int expected) {
        return kafka.readAll(Topics.deadLetters(run), expected, LOAD_TIME).stream()
                .map(record -> Messages.fromJson(record.value(), DeadLetter.class))
                .collect(Collectors.toMap(DeadLetter::recordId, letter -> letter, (a, b) -> a));
    }

    /** Loaded and rejected, added up over this run's LoadProgress events of the table. */
    private List<Long> progressTotals(String table) {
        List<LoadProgress> events = kafka.readAll(Topics.EVENTS, Integer.MAX_VALUE, Duration.ofSeconds(1)).stream()
                .map(record -> Messages.fromJson(record.value(), FerryEvent.class))
                .filter(event -> event instanceof LoadProgress && event.runId().equals(run) && event.table().equals(table))
                .map(LoadProgress.class::cast)
                .toList();
        return List.of(events.stream().mapToLong(LoadProgress::loaded).sum(),
                events.stream().mapToLong(LoadProgress::rejected).sum());
    }

    /** The target's account–lead pairs of these accounts, from the emulator's association export. */
    private Set<List<String>> associationsOf(List<String> accounts) {
        return lines("associations/accountleads_association/export").stream()
                .filter(pair -> accounts.contains(pair.get("accountid").asText()))
                .map(pair -> List.of(pair.get("accountid").asText(), pair.get("leadid").asText()))
                .collect(Collectors.toSet());
    }

    /** The target's rows of a table by id, from the emulator's export. */
    private Map<String, JsonNode> targetRows(String logicalName) {
        Map<String, JsonNode> rows = new HashMap<>();
        lines("tables/" + logicalName + "/export").forEach(row -> rows.put(row.get(logicalName + "id").asText(), row));
        return rows;
    }

    private List<JsonNode> lines(String adminPath) {
        String admin = targetUrl.substring(0, targetUrl.indexOf("/api/")) + "/_emulator/";
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(admin + adminPath)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            List<JsonNode> rows = new ArrayList<>();
            for (String line : response.body().split("\n")) {
                if (!line.isBlank()) {
                    rows.add(JSON.readTree(line));
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
}
