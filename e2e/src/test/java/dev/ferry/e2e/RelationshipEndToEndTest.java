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
    /** Often enough to catch a table between its rows pass and its deferred-lookups pass (a release apart). */
    private static final Duration WRITE_LOG_SAMPLING = Duration.ofMillis(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectNode PLAN = CrmDataset.plan("e2e-relationships");

    private static Stack stack;
    private static String runId;
    private static JsonNode run;
    private static WriteLogSampler writeLog;

    @BeforeAll
    static void migrateTheCrmSample() throws Exception {
        stack = Stack.start("RelationshipEndToEndTest", CrmDataset.seed());
        CoordinatorClient coordinator = stack.coordinator();
        try (WriteLogSampler sampler = WriteLogSampler.start(stack.target(), WRITE_LOG_SAMPLING)) {
            writeLog = sampler;
            runId = coordinator.start(PLAN);
            run = coordinator.awaitFinished(runId, RUN_TIMEOUT);
        }
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

    @Test
    void noChildIsWrittenBeforeEveryParentItWaitsForIsLoaded() {
        Map<String, WriteLogSampler.TableWrites> log = writeLog.last();
        List<String> violations = new ArrayList<>();
        CrmDataset.LOADED_BEFORE.forEach((child, parents) -> {
            WriteLogSampler.TableWrites childWrites = log.get(CrmDataset.byEntitySet(child).logicalName());
            assertThat(childWrites).as("%s in the target's write log %s", child, log).isNotNull();
            for (String parent : parents) {
                WriteLogSampler.WrittenBy parentRows = rowsPassWritten(parent);
                if (!childWrites.first().isAfter(parentRows.at())) {
                    violations.add(child + " first written at " + childWrites.first() + ", not after " + parent
                            + "'s rows " + (parentRows.exact() ? "last written at " : "all written by ")
                            + parentRows.at());
                }
            }
        });
        assertThat(violations).as("children written before a parent was loaded (%d write log samples, last %s)",
                writeLog.sampleCount(), log).isEmpty();
        CrmDataset.TABLES.forEach(t -> System.out.printf("%s: first write %s, rows pass %s%n", t.entitySet(),
                log.get(t.logicalName()).first(), rowsPassWritten(t.entitySet())));
    }

    @Test
    void associationsAreWrittenOnlyAfterBothSidesAreLoaded() {
        Map<String, WriteLogSampler.TableWrites> log = writeLog.last();
        WriteLogSampler.TableWrites links = log.get(CrmDataset.ASSOCIATION_INTERSECT);
        assertThat(links).as("%s in the target's write log %s", CrmDataset.ASSOCIATION_INTERSECT, log).isNotNull();
        for (String side : List.of("accounts", "leads")) {
            Instant loaded = rowsPassWritten(side).at();
            assertThat(links.first()).as("first association written (write log %s) after %s's rows", log, side)
                    .isAfter(loaded);
        }
    }

    /** When the table's rows pass had written every source row (its deferred-lookups pass writes the same table later). */
    private static WriteLogSampler.WrittenBy rowsPassWritten(String entitySet) {
        CrmDataset.Table table = CrmDataset.byEntitySet(entitySet);
        return writeLog.firstRowsWritten(table.logicalName(), table.rows()).orElseThrow(() -> new AssertionError(
                table.logicalName() + " never had its " + table.rows() + " rows in the target's write log "
                        + writeLog.last()));
    }

    private static List<String> texts(JsonNode array, Function<JsonNode, String> text) {
        return StreamSupport.stream(array.spliterator(), false).map(text).toList();
    }
}
