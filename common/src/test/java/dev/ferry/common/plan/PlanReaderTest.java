package dev.ferry.common.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.common.contract.Messages;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading plans from JSON: defaults, and strictness about fields and types. */
class PlanReaderTest {

    /** The plan example of DESIGN.md. */
    static final String DESIGN_EXAMPLE = """
            {
              "name": "prod-to-test",
              "source": "prod",
              "target": "test",
              "tables": [
                { "entitySet": "accounts" },
                { "entitySet": "contacts", "select": ["firstname", "lastname", "parentcustomerid"],
                  "filter": "statecode eq 0", "key": "primary", "deleteMissing": false }
              ],
              "options": { "pageSize": 5000, "batchSize": 500, "maxConcurrency": 16 }
            }""";

    private final PlanReader reader = new PlanReader();

    @Test
    void readsTheDesignExample() {
        PlanReadResult result = reader.read(DESIGN_EXAMPLE);

        assertThat(result.problems()).isEmpty();
        Plan plan = result.plan().orElseThrow();
        assertThat(plan.name()).isEqualTo("prod-to-test");
        assertThat(plan.source()).isEqualTo("prod");
        assertThat(plan.target()).isEqualTo("test");
        assertThat(plan.tables()).hasSize(2);
        TableSpec contacts = plan.tables().get(1);
        assertThat(contacts.entitySet()).isEqualTo("contacts");
        assertThat(contacts.select()).containsExactly("firstname", "lastname", "parentcustomerid");
        assertThat(contacts.filter()).isEqualTo("statecode eq 0");
        assertThat(contacts.usesPrimaryKey()).isTrue();
        assertThat(contacts.deleteMissing()).isFalse();
        assertThat(plan.options()).isEqualTo(new PlanOptions(5000, 500, 16));
    }

    @Test
    void fillsInDefaultsForWhatATableAndThePlanLeaveOut() {
        Plan plan = reader.read("""
                {"name": "n", "source": "a", "target": "b", "tables": [{"entitySet": "accounts"}]}""")
                .plan().orElseThrow();

        assertThat(plan.tables().get(0)).isEqualTo(TableSpec.of("accounts"));
        assertThat(plan.tables().get(0).selectsAllColumns()).isTrue();
        assertThat(plan.tables().get(0).key()).isEqualTo(TableSpec.PRIMARY_KEY);
        assertThat(plan.options()).isEqualTo(PlanOptions.defaults());
    }

    @Test
    void readsLookupRulesAndTheSchedule() {
        Plan plan = reader.read("""
                {"name": "n", "source": "a", "target": "b",
                 "tables": [{"entitySet": "contacts", "lookups": {"parentcustomerid": "clear", "ownerid": "reject"}}],
                 "options": {"schedule": "sequential"}}""")
                .plan().orElseThrow();

        assertThat(plan.tables().get(0).lookups()).containsExactly(
                Map.entry("parentcustomerid", "clear"), Map.entry("ownerid", "reject"));
        assertThat(plan.tables().get(0).lookupRule("parentcustomerid")).isEqualTo(LookupRule.CLEAR);
        assertThat(plan.options().scheduleOrDefault()).isEqualTo(Schedule.SEQUENTIAL);
    }

    @Test
    void fillsInDefaultsForOmittedOptions() {
        Plan plan = reader.read("""
                {"name": "n", "source": "a", "target": "b", "tables": [], "options": {"batchSize": 100}}""")
                .plan().orElseThrow();

        assertThat(plan.options()).isEqualTo(new PlanOptions(PlanOptions.DEFAULT_PAGE_SIZE, 100,
                PlanOptions.DEFAULT_MAX_CONCURRENCY));
    }

    @Test
    void reportsEveryUnknownFieldWithItsLocationAndStillReadsThePlan() {
        PlanReadResult result = reader.read("""
                {"name": "n", "source": "a", "target": "b", "mode": "fast",
                 "tables": [{"entitySet": "accounts"},
                            {"entitySet": "contacts", "selct": ["firstname"], "extra": {"nested": 1}}],
                 "options": {"pageSize": 100, "retries": 3}}""");

        assertThat(result.problems()).extracting(PlanProblem::code).containsOnly(ProblemCode.UNKNOWN_FIELD);
        assertThat(result.problems()).extracting(PlanProblem::location)
                .containsExactly("/mode", "/tables/1/selct", "/tables/1/extra", "/options/retries");
        assertThat(result.problems().get(0).message()).contains("'mode'");
        assertThat(result.plan()).isPresent();
        assertThat(result.plan().orElseThrow().options().pageSize()).isEqualTo(100);
    }

    @Test
    void anUnknownFieldMessageSuggestsTheFieldMeantAndListsTheKnownOnes() {
        PlanProblem problem = reader.read("""
                {"name": "n", "source": "a", "target": "b", "tables": [{"entitySet": "x", "selct": []}]}""")
                .problems().get(0);

        assertThat(problem.message()).contains("'selct'", "Did you mean 'select'?",
                "deleteMissing, entitySet, filter, key, lookups, select");
    }

    @Test
    void refusesAStringWhereANumberBelongs() {
        PlanReadResult result = reader.read("""
                {"name": "n", "source": "a", "target": "b", "tables": [], "options": {"pageSize": "500"}}""");

        assertThat(result.plan()).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo(ProblemCode.INVALID_VALUE);
            assertThat(problem.location()).isEqualTo("/options/pageSize");
        });
    }

    @Test
    void refusesAFractionWhereAWholeNumberBelongs() {
        PlanReadResult result = reader.read("""
                {"name": "n", "source": "a", "target": "b", "tables": [], "options": {"batchSize": 1.5}}""");

        assertThat(result.problems()).extracting(PlanProblem::location).containsExactly("/options/batchSize");
    }

    @Test
    void refusesASingleColumnGivenAsAStringInsteadOfAList() {
        PlanReadResult result = reader.read("""
                {"name": "n", "source": "a", "target": "b",
                 "tables": [{"entitySet": "a"}, {"entitySet": "b", "select": "name"}]}""");

        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo(ProblemCode.INVALID_VALUE);
            assertThat(problem.location()).isEqualTo("/tables/1/select");
        });
    }

    @Test
    void refusesMalformedJsonWithWhereItBroke() {
        PlanReadResult result = reader.read("{\"name\": \"n\",\n \"source\": }");

        assertThat(result.plan()).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo(ProblemCode.MALFORMED_JSON);
            assertThat(problem.message()).contains("line 2");
        });
    }

    @Test
    void refusesAnEmptyDocumentAndTrailingGarbage() {
        assertThat(reader.read("null").problems()).extracting(PlanProblem::code)
                .containsExactly(ProblemCode.MALFORMED_JSON);
        assertThat(reader.read("{\"name\": \"n\"} {}").plan()).isEmpty();
    }

    @Test
    void escapesSlashesAndTildesInTheLocationOfAnUnknownField() {
        PlanReadResult result = reader.read("""
                {"name": "n", "source": "a", "target": "b", "tables": [], "a/b~c": 1}""");

        assertThat(result.problems()).extracting(PlanProblem::location).containsExactly("/a~1b~0c");
    }

    @Test
    void aPlanWrittenAsAMessageReadsBackStrictlyUnchanged() {
        Plan plan = new Plan("n", "a", "b", List.of(TableSpec.of("accounts"),
                new TableSpec("contacts", List.of("firstname"), "statecode eq 0", "emailaddress1", true)),
                new PlanOptions(100, 50, 4));

        PlanReadResult result = reader.read(Messages.toJson(plan));

        assertThat(result.problems()).isEmpty();
        assertThat(result.plan()).contains(plan);
    }

    @Test
    void readsFromAStream() {
        PlanReadResult result = reader.read(new ByteArrayInputStream(DESIGN_EXAMPLE.getBytes(StandardCharsets.UTF_8)));

        assertThat(result.plan()).isPresent();
    }
}
