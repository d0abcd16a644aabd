package dev.ferry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The relationship engine end to end (issue 4): the crm sample at about 50,000 rows, with its
 * self-references, the account/contact cycle, polymorphic customer and owner lookups and the
 * accounts-leads many-to-many relationship, planned children first, is copied whole and loaded
 * parents first, as the target itself recorded. One run, made once for the class; each test looks
 * at one side of it.
 */
class RelationshipEndToEndTest {
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectNode PLAN = CrmDataset.plan("e2e-relationships");

    private static Stack stack;
    private static String runId;
    private static JsonNode run;
    /** The target's write log after the run, by logical name. */
    private static Map<String, TableWrites> writeLog;

    @BeforeAll
    static void migrateTheCrmSample() throws Exception {
        stack = Stack.start("RelationshipEndToEndTest", CrmDataset.seed());
        CoordinatorClient coordinator = stack.coordinator();
        runId = coordinator.start(PLAN);
        run = coordinator.awaitFinished(runId, RUN_TIMEOUT);
        writeLog = TableWrites.of(stack.target().writes());
    }

    @AfterAll
    static void stopStack() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void validateLoadsParentsFirstAndDefersTheSelfReferencesAndTheCycleBreaker() throws Exception {
        JsonNode report = stack.coordinator().validate(PLAN);

        assertThat(report.path("valid").asBoolean()).as("report %s", report).isTrue();
        assertThat(JSON.convertValue(report.path("waves"), List.class)).as("waves of %s", report).isEqualTo(List.of(
                List.of("systemusers"), List.of("teams"), List.of("contacts"), List.of("accounts"), List.of("leads"),
                List.of("opportunities")));
        assertThat(texts(report.path("deferredLookups"), d -> d.path("table").asText() + "." + d.path("lookup").asText()
                + " → " + texts(d.path("targets"), JsonNode::asText) + " (" + d.path("reason").asText() + ")"))
                .as("deferred lookups of %s", report).containsExactly(
                        "accounts._parentaccountid_value → [accounts] (self-reference)",
                        "contacts._parentcustomerid_value → [contacts, accounts]"
                                + " (self-reference; also breaks cycle contacts→accounts→contacts)",
                        "systemusers._parentsystemuserid_value → [systemusers] (self-reference)");
        for (JsonNode entry : report.path("tables")) {
            String table = entry.path("table").asText();
            List<String> releaseAfter = texts(entry.path("releaseAfter"), JsonNode::asText);
            switch (entry.path("pass").asText()) {
                case "ROWS" -> assertThat(releaseAfter).as("%s released after", table)
                        .containsExactlyInAnyOrderElementsOf(CrmDataset.LOADED_BEFORE.get(table));
                case "DEFERRED_LOOKUPS" -> assertThat(releaseAfter).as("%s released after", table)
                        .containsExactlyInAnyOrderElementsOf(switch (table) {
                            case "accounts--lookups" -> List.of("accounts");
                            case "contacts--lookups" -> List.of("contacts", "accounts");
                            case "systemusers--lookups" -> List.of("systemusers");
                            default -> throw new AssertionError("unexpected deferred-lookups pass " + entry);
                        });
                case "ASSOCIATIONS" -> assertThat(releaseAfter).as("%s released after", table)
                        .containsExactlyInAnyOrder("leads", "accounts");
                default -> throw new AssertionError("unexpected entry " + entry);
            }
        }
        assertThat(texts(report.path("tables"), e -> e.path("table").asText())).as("entries of %s", report)
                .containsExactlyInAnyOrder("opportunities", "leads", "contacts", "accounts", "teams", "systemusers",
                        "accounts--lookups", "contacts--lookups", "systemusers--lookups",
                        CrmDataset.ASSOCIATION + "--associations");
    }

    @Test
    void theRunSucceedsAndEveryTableOfTheTargetEqualsTheSource() throws Exception {
        MigrationEndToEndTest.assertSucceededWithoutRejections(stack.coordinator(), runId, run);
        for (CrmDataset.Table table : CrmDataset.TABLES) {
            List<JsonNode> source = stack.source().export(table.logicalName());
            assertThat(source).as("seeded %s rows", table.logicalName()).hasSize(table.rows());
            List<String> columns = CrmDataset.columns(source.get(0));
            assertThat(Exports.differences(source, stack.target().export(table.logicalName()), table.idColumn(),
                    columns)).as("target %s against the source on every column %s", table.logicalName(), columns)
                    .isEmpty();
        }
    }

    @Test
    void theSeededSampleHasEveryKindOfRelationship() throws Exception {
        assertThat(stack.source().export("account")).as("accounts with a parent account and a primary contact")
                .anyMatch(row -> !row.path("parentaccountid").isNull())
                .anyMatch(row -> !row.path("primarycontactid").isNull());
        assertThat(stack.source().export("contact")).as("contacts whose customer is an account, or a contact")
                .anyMatch(row -> row.path("parentcustomerid").asText().startsWith("account:"))
                .anyMatch(row -> row.path("parentcustomerid").asText().startsWith("contact:"));
        assertThat(stack.source().export("opportunity")).as("opportunities owned by a team")
                .anyMatch(row -> row.path("ownerid").asText().startsWith("team:"));
        assertThat(stack.source().associationExport(CrmDataset.ASSOCIATION)).as("account-lead links").isNotEmpty();
    }

    @Test
    void theAccountLeadAssociationsOfTheTargetEqualTheSource() throws Exception {
        List<JsonNode> source = stack.source().associationExport(CrmDataset.ASSOCIATION);
        List<JsonNode> target = stack.target().associationExport(CrmDataset.ASSOCIATION);
        assertThat(Exports.differences(pairs(source), pairs(target)))
                .as("target %s (%d pairs) against the source's %d pairs", CrmDataset.ASSOCIATION, target.size(),
                        source.size()).isEmpty();
    }

    /** Pairs by themselves, so that Exports describes what differs without printing thousands of them. */
    private static Map<String, ObjectNode> pairs(List<JsonNode> export) {
        Map<String, ObjectNode> byPair = new LinkedHashMap<>();
        export.forEach(pair -> byPair.put(pair.toString(), (ObjectNode) pair));
        return byPair;
    }

    /**
     * A table is loaded when its rows are all in the target: its last create, since the target was
     * empty. Its deferred-lookups pass updates the same rows later; the target's write log keeps
     * the last create apart from those updates.
     */
    @Test
    void noChildIsWrittenBeforeEveryParentItWaitsForIsLoaded() {
        List<String> violations = new ArrayList<>();
        CrmDataset.LOADED_BEFORE.forEach((child, parents) -> {
            TableWrites childWrites = writesOf(child);
            for (String parent : parents) {
                TableWrites parentWrites = writesOf(parent);
                assertThat(parentWrites.creates()).as("%s rows created in the target", parent)
                        .isEqualTo(CrmDataset.byEntitySet(parent).rows());
                if (!childWrites.first().isAfter(parentWrites.lastCreate())) {
                    violations.add(child + " first written at " + childWrites.first() + ", not after the last row of "
                            + parent + " was created at " + parentWrites.lastCreate());
                }
            }
        });
        assertThat(violations).as("children written before a parent was loaded (target's write log %s)", writeLog)
                .isEmpty();
    }

    @Test
    void associationsAreWrittenOnlyAfterBothSidesAreLoaded() {
        TableWrites links = writeLog.get(CrmDataset.ASSOCIATION_INTERSECT);
        assertThat(links).as("%s in the target's write log %s", CrmDataset.ASSOCIATION_INTERSECT, writeLog).isNotNull();
        for (String side : List.of("accounts", "leads")) {
            assertThat(links.first()).as("first association written (write log %s) after %s's rows", writeLog, side)
                    .isAfter(writesOf(side).lastCreate());
        }
    }

    private static TableWrites writesOf(String entitySet) {
        TableWrites writes = writeLog.get(CrmDataset.byEntitySet(entitySet).logicalName());
        assertThat(writes).as("%s in the target's write log %s", entitySet, writeLog).isNotNull();
        return writes;
    }

    /** One table's line of the emulator's write log ({@code GET /_emulator/writes}). */
    record TableWrites(Instant first, Instant last, Instant lastCreate, long creates) {

        static Map<String, TableWrites> of(JsonNode writes) {
            Map<String, TableWrites> byTable = new LinkedHashMap<>();
            writes.path("tables").fields().forEachRemaining(table -> byTable.put(table.getKey(), new TableWrites(
                    Instant.parse(table.getValue().path("first").asText()),
                    Instant.parse(table.getValue().path("last").asText()),
                    table.getValue().path("lastCreate").isTextual()
                            ? Instant.parse(table.getValue().path("lastCreate").asText()) : null,
                    table.getValue().path("creates").asLong())));
            return byTable;
        }
    }

    private static List<String> texts(JsonNode array, Function<JsonNode, String> text) {
        return StreamSupport.stream(array.spliterator(), false).map(text).toList();
    }
}
