package dev.ferry.e2e;

import static dev.ferry.e2e.Plans.plan;
import static dev.ferry.e2e.Plans.table;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whole migrations through the packaged services, each its own process, against a local broker
 * and two emulators (issue 3, "Tests"). One stack serves every scenario: each run has its own id
 * and the target is emptied before each.
 */
class MigrationEndToEndTest {
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);
    private static final int ACCOUNTS = 20_000;
    private static final int LEADS = 5_000;
    private static final int OPPORTUNITIES = 2_000;
    private static final int CONTACTS = 3_000;
    /**
     * Plain account columns and the account's parent account: a lookup to its own table, which the
     * run writes in a second pass once every account exists.
     */
    private static final List<String> ACCOUNT_COLUMNS = List.of("name", "accountnumber", "revenue",
            "numberofemployees", "telephone1", "emailaddress1", "address1_city", "description", "parentaccountid");
    /**
     * Plain lead columns. Leads have no lookup to their own table, and their lookups to accounts
     * and contacts (tables outside these plans) are neither selected nor extracted.
     */
    static final List<String> LEAD_COLUMNS = List.of("subject", "firstname", "lastname", "companyname",
            "emailaddress1", "telephone1", "revenue", "numberofemployees", "description");
    /** The child's columns, with its lookup to the parent: an opportunity's originating lead. */
    private static final List<String> OPPORTUNITY_COLUMNS = List.of("name", "estimatedvalue", "originatingleadid");

    private static Stack stack;

    @BeforeAll
    static void startStack() throws Exception {
        // No users: the accounts' only lookup with a value these plans select is their parent account.
        // Leads and opportunities also point at accounts, but no plan with them has accounts, so those
        // are not extracted. Contacts' customer is an account or a contact.
        stack = Stack.start("MigrationEndToEndTest",
                "account=" + ACCOUNTS + ",lead=" + LEADS + ",opportunity=" + OPPORTUNITIES + ",contact=" + CONTACTS);
    }

    @AfterAll
    static void stopStack() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @BeforeEach
    void emptyTheTarget() throws Exception {
        stack.target().reset();
    }

    @Test
    void migratesA20000RowTableAndTheTargetExportEqualsTheSource() throws Exception {
        CoordinatorClient coordinator = stack.coordinator();
        String runId = coordinator.start(plan("e2e-accounts", table("accounts", ACCOUNT_COLUMNS)));

        JsonNode run = coordinator.awaitFinished(runId, RUN_TIMEOUT);

        assertSucceededWithoutRejections(coordinator, runId, run);
        List<JsonNode> source = stack.source().export("account");
        assertThat(source).hasSize(ACCOUNTS);
        assertThat(source).as("seeded accounts with a parent account")
                .anyMatch(row -> !row.path("parentaccountid").isNull());
        assertThat(Exports.differences(source, stack.target().export("account"), "accountid", ACCOUNT_COLUMNS))
                .as("target accounts against the source on " + ACCOUNT_COLUMNS).isEmpty();
    }

    @Test
    void loadsAChildOnlyAfterItsParentAndEveryLookupResolves() throws Exception {
        CoordinatorClient coordinator = stack.coordinator();
        String runId = coordinator.start(plan("e2e-parent-child",
                table("opportunities", OPPORTUNITY_COLUMNS), table("leads", LEAD_COLUMNS)));

        JsonNode run = coordinator.awaitFinished(runId, RUN_TIMEOUT);

        assertSucceededWithoutRejections(coordinator, runId, run);
        List<JsonNode> sourceOpportunities = stack.source().export("opportunity");
        assertThat(sourceOpportunities).hasSize(OPPORTUNITIES);
        assertThat(sourceOpportunities).as("seeded opportunities with an originating lead")
                .anyMatch(row -> !row.path("originatingleadid").isNull());
        assertThat(Exports.differences(sourceOpportunities, stack.target().export("opportunity"), "opportunityid",
                OPPORTUNITY_COLUMNS)).as("target opportunities against the source").isEmpty();
        assertThat(Exports.differences(stack.source().export("lead"), stack.target().export("lead"),
                "leadid", LEAD_COLUMNS)).as("target leads against the source").isEmpty();

        JsonNode writes = stack.target().writes().path("tables");
        Instant lastLeadWrite = Instant.parse(writes.path("lead").path("last").asText());
        Instant firstOpportunityWrite = Instant.parse(writes.path("opportunity").path("first").asText());
        assertThat(firstOpportunityWrite).as("first opportunity write (target's write log %s)", writes)
                .isAfter(lastLeadWrite);
    }

    @Test
    void refusesABadPlanListingEveryProblem() throws Exception {
        ObjectNode plan = plan("e2e-bad-plan",
                table("acounts", List.of()),
                table("leads", List.of("subject", "nosuchcolumn")),
                table("opportunities", List.of("name")),
                table("opportunities", List.of("name")));
        plan.put("target", "nowhere");

        CoordinatorClient.Answer answer = stack.coordinator().submit(plan);

        assertThat(answer.status()).as("answer %s", answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        List<String> problems = new ArrayList<>();
        answer.body().path("problems").forEach(p -> problems.add(p.path("code").asText() + " at "
                + p.path("location").asText()));
        assertThat(problems).as("problems of %s", answer.body()).contains(
                "UNKNOWN_ENVIRONMENT at /target",
                "UNKNOWN_SOURCE_ENTITY_SET at /tables/0/entitySet",
                "UNKNOWN_SOURCE_COLUMN at /tables/1/select/1",
                "DUPLICATE_TABLE at /tables/3/entitySet");
    }

    @Test
    void sendsPoisonRecordsToTheDeadLetterTopicAndLoadsTheRest() throws Exception {
        // Opportunities alone: the target has no leads, so under the default rule for lookups outside
        // the plan (keep: bind only a row that exists in the target) every opportunity with an
        // originating lead is dead-lettered, naming the lookup and the lead; the others load.
        CoordinatorClient coordinator = stack.coordinator();
        String runId = coordinator.start(plan("e2e-poison", table("opportunities", OPPORTUNITY_COLUMNS)));

        JsonNode run = coordinator.awaitFinished(runId, RUN_TIMEOUT);

        List<JsonNode> source = stack.source().export("opportunity");
        List<JsonNode> poison = source.stream().filter(row -> !row.path("originatingleadid").isNull()).toList();
        List<JsonNode> good = source.stream().filter(row -> row.path("originatingleadid").isNull()).toList();
        assertThat(poison).as("seeded opportunities with an originating lead").isNotEmpty();
        assertThat(good).as("seeded opportunities without one").isNotEmpty();
        assertThat(run.path("status").asText()).as("run %s", run).isEqualTo("SUCCEEDED");
        assertThat(run.path("rejected").asLong()).as("rejected records of %s", run).isEqualTo(poison.size());

        List<JsonNode> errors = coordinator.errors(runId);
        assertThat(errors).as("dead letters").hasSize(poison.size());
        assertThat(errors.stream().map(e -> e.path("recordId").asText()).collect(Collectors.toSet()))
                .isEqualTo(poison.stream().map(row -> row.path("opportunityid").asText()).collect(Collectors.toSet()));
        assertThat(errors).allSatisfy(error -> {
            assertThat(error.path("table").asText()).isEqualTo("opportunities");
            assertThat(error.path("reason").asText()).contains("lookup originatingleadid", "points at leads(",
                    "not in the target", "Add leads to the plan");
        });
        assertThat(DeadLetterTopic.recordIds(stack.bootstrap(), runId)).as("record ids on ferry.dlq." + runId)
                .containsExactlyInAnyOrderElementsOf(poison.stream().map(row -> row.path("opportunityid").asText())
                        .toList());
        assertThat(Exports.differences(good, stack.target().export("opportunity"), "opportunityid",
                OPPORTUNITY_COLUMNS)).as("target opportunities against the source's without an originating lead").isEmpty();
    }

    @Test
    void clearsAPolymorphicLookupWhereItPointsOutsideThePlanAndKeepsItWhereItPointsIntoIt() throws Exception {
        // Contacts alone: a contact's customer is a contact (in the plan: written by the second pass
        // that closes the self-reference) or an account (outside it: the plan's rule says clear).
        ObjectNode contacts = table("contacts", List.of("firstname", "lastname", "parentcustomerid"));
        contacts.putObject("lookups").put("parentcustomerid", "clear");
        CoordinatorClient coordinator = stack.coordinator();
        String runId = coordinator.start(plan("e2e-clear", contacts));

        JsonNode run = coordinator.awaitFinished(runId, RUN_TIMEOUT);

        assertSucceededWithoutRejections(coordinator, runId, run);
        List<JsonNode> source = stack.source().export("contact");
        assertThat(source).as("contacts whose customer is an account, and a contact")
                .anyMatch(row -> row.path("parentcustomerid").asText().startsWith("account:"))
                .anyMatch(row -> row.path("parentcustomerid").asText().startsWith("contact:"));
        List<JsonNode> expected = source.stream().map(row -> {
            ObjectNode copy = row.deepCopy();
            if (row.path("parentcustomerid").asText().startsWith("account:")) {
                copy.putNull("parentcustomerid");
            }
            return (JsonNode) copy;
        }).toList();
        assertThat(Exports.differences(expected, stack.target().export("contact"), "contactid",
                List.of("firstname", "lastname", "parentcustomerid")))
                .as("target contacts: customers that are contacts kept, accounts cleared").isEmpty();
    }

    /** The run succeeded and the target refused nothing; a failure shows the first dead letters. */
    static void assertSucceededWithoutRejections(CoordinatorClient coordinator, String runId, JsonNode run)
            throws Exception {
        assertThat(run.path("status").asText()).as("run %s", run).isEqualTo("SUCCEEDED");
        if (run.path("rejected").asLong() != 0) {
            List<JsonNode> errors = coordinator.errors(runId);
            assertThat(run.path("rejected").asLong()).as("records rejected; the first dead letters: %s",
                    errors.subList(0, Math.min(3, errors.size()))).isZero();
        }
    }
}
