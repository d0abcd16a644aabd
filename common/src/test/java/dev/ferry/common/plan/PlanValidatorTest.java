package dev.ferry.common.plan;

import static dev.ferry.common.metadata.MetadataFixtures.DATAVERSE_V8;
import static dev.ferry.common.metadata.MetadataFixtures.DATAVERSE_V91;
import static dev.ferry.common.metadata.MetadataFixtures.PLAIN_ODATA_SHOP;
import static dev.ferry.common.metadata.MetadataFixtures.metadata;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.ferry.common.metadata.ServiceMetadata;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Validating plans against configured environments and their metadata. */
class PlanValidatorTest {

    private static final String PROD = "prod";
    private static final String TEST = "test";
    private static final String OLD = "old";
    private static final String SHOP = "shop";
    private static final String SHOP_COPY = "shop-copy";

    private final PlanValidator validator = new PlanValidator(Set.of(PROD, TEST, OLD, SHOP, SHOP_COPY));
    private final Map<String, ServiceMetadata> metadata = Map.of(
            PROD, metadata(DATAVERSE_V91), TEST, metadata(DATAVERSE_V91), OLD, metadata(DATAVERSE_V8),
            SHOP, metadata(PLAIN_ODATA_SHOP), SHOP_COPY, metadata(PLAIN_ODATA_SHOP));

    @Test
    void theDesignExampleIsValid() {
        Plan plan = new PlanReader().read(PlanReaderTest.DESIGN_EXAMPLE).plan().orElseThrow();

        assertThat(validator.validate(plan, metadata)).isEmpty();
    }

    @Test
    void aPlainODataPlanWithForeignKeysAndAnAlternateKeyIsValid() {
        Plan plan = plan(SHOP, SHOP_COPY, TableSpec.of("Categories"),
                new TableSpec("Products", List.of("Name", "CategoryID", "UnitPrice"), "UnitPrice gt 10", "Sku", true),
                new TableSpec("Suppliers", List.of(), null, "Code", false));

        assertThat(validator.validate(plan, metadata)).isEmpty();
    }

    @Test
    void aLookupToATableThePlanLeavesOutIsNotAProblemYet() {
        Plan plan = plan(PROD, TEST, new TableSpec("contacts", List.of("parentcustomerid", "ownerid"), null,
                TableSpec.PRIMARY_KEY, false));

        assertThat(validator.validate(plan, metadata)).isEmpty();
    }

    @Test
    void theFilterIsLeftToTheSource() {
        Plan plan = plan(PROD, TEST, new TableSpec("accounts", List.of(), "this is ) not OData", "primary", false));

        assertThat(validator.validate(plan, metadata)).isEmpty();
    }

    @Test
    void refusesAnUnknownEnvironmentSuggestingTheConfiguredOnes() {
        List<PlanProblem> problems = validator.validate(plan("prdo", TEST, TableSpec.of("accounts")), metadata);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo(ProblemCode.UNKNOWN_ENVIRONMENT);
            assertThat(problem.location()).isEqualTo("/source");
            assertThat(problem.message()).contains("'prdo'", "Did you mean 'prod'?", "old, prod, shop, shop-copy, test",
                    "ferry.environments.prdo.url");
        });
    }

    @Test
    void stillChecksTheTablesAgainstTheKnownSideWhenTheOtherEnvironmentIsUnknown() {
        List<PlanProblem> problems = validator.validate(plan(PROD, "nowhere", TableSpec.of("acounts")), metadata);

        assertThat(problems).extracting(PlanProblem::code)
                .containsExactly(ProblemCode.UNKNOWN_ENVIRONMENT, ProblemCode.UNKNOWN_SOURCE_ENTITY_SET);
    }

    @Test
    void refusesMissingNameSourceAndTarget() {
        List<PlanProblem> problems = validator.validate(new Plan(" ", null, "", List.of(TableSpec.of("accounts")), null),
                metadata);

        assertThat(problems).extracting(PlanProblem::code, PlanProblem::location).containsExactly(
                tuple(ProblemCode.MISSING_FIELD, "/name"),
                tuple(ProblemCode.MISSING_FIELD, "/source"),
                tuple(ProblemCode.MISSING_FIELD, "/target"));
    }

    @Test
    void refusesTheSameEnvironmentAsSourceAndTarget() {
        List<PlanProblem> problems = validator.validate(plan(PROD, PROD, TableSpec.of("accounts")), metadata);

        assertThat(problems).extracting(PlanProblem::code, PlanProblem::location)
                .containsExactly(tuple(ProblemCode.SAME_SOURCE_AND_TARGET, "/target"));
    }

    @Test
    void refusesAPlanWithoutTables() {
        List<PlanProblem> problems = validator.validate(plan(PROD, TEST), metadata);

        assertThat(problems).extracting(PlanProblem::code, PlanProblem::location)
                .containsExactly(tuple(ProblemCode.NO_TABLES, "/tables"));
    }

    @Test
    void refusesATableListedTwicePointingAtTheFirst() {
        List<PlanProblem> problems = validator.validate(
                plan(PROD, TEST, TableSpec.of("accounts"), TableSpec.of("contacts"), TableSpec.of("accounts")), metadata);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo(ProblemCode.DUPLICATE_TABLE);
            assertThat(problem.location()).isEqualTo("/tables/2/entitySet");
            assertThat(problem.message()).contains("/tables/0");
        });
    }

    @Test
    void refusesNullTablesBlankEntitySetsAndBlankColumns() {
        List<PlanProblem> problems = validator.validate(plan(PROD, TEST, null, TableSpec.of(""),
                new TableSpec("accounts", Arrays.asList("name", null, " "), null, "primary", false)), metadata);

        assertThat(problems).extracting(PlanProblem::code, PlanProblem::location).containsExactly(
                tuple(ProblemCode.INVALID_VALUE, "/tables/0"),
                tuple(ProblemCode.MISSING_FIELD, "/tables/1/entitySet"),
                tuple(ProblemCode.INVALID_VALUE, "/tables/2/select/1"),
                tuple(ProblemCode.INVALID_VALUE, "/tables/2/select/2"));
    }

    @Test
    void refusesAnEntitySetMissingFromEitherSide() {
        // "teams" exists in both, "actioncards" only in v9.1, "accountleadscollection" only in v8.
        List<PlanProblem> problems = validator.validate(plan(OLD, TEST, TableSpec.of("teams"),
                TableSpec.of("actioncards"), TableSpec.of("accountleadscollection")), metadata);

        assertThat(problems).extracting(PlanProblem::code, PlanProblem::location).containsExactly(
                tuple(ProblemCode.UNKNOWN_SOURCE_ENTITY_SET, "/tables/1/entitySet"),
                tuple(ProblemCode.UNKNOWN_TARGET_ENTITY_SET, "/tables/2/entitySet"));
    }

    @Test
    void anUnknownEntitySetMessageSuggestsTheNameMeant() {
        List<PlanProblem> problems = validator.validate(plan(PROD, TEST, TableSpec.of("Accounts")), metadata);

        assertThat(problems).extracting(PlanProblem::message).allSatisfy(message ->
                assertThat(message).contains("'Accounts'", "Did you mean 'accounts'?"));
    }

    @Test
    void refusesAnUnknownColumnAtItsPositionInTheSelect() {
        List<PlanProblem> problems = validator.validate(plan(PROD, TEST, TableSpec.of("accounts"),
                new TableSpec("contacts", List.of("firstname", "lastname", "fristname"), null, "primary", false)),
                metadata);

        assertThat(problems).extracting(PlanProblem::code, PlanProblem::location).containsExactly(
                tuple(ProblemCode.UNKNOWN_SOURCE_COLUMN, "/tables/1/select/2"),
                tuple(ProblemCode.UNKNOWN_TARGET_COLUMN, "/tables/1/select/2"));
        assertThat(problems.get(0).message()).contains("Did you mean 'firstname'?", "source environment 'prod'");
        assertThat(problems.get(1).message()).contains("target environment 'test'");
    }

    @Test
    void refusesAColumnTheTargetLacks() {
        // openrevenue exists in the v8 account only.
        List<PlanProblem> problems = validator.validate(plan(OLD, TEST,
                new TableSpec("accounts", List.of("name", "openrevenue"), null, "primary", false)), metadata);

        assertThat(problems).extracting(PlanProblem::code, PlanProblem::location)
                .containsExactly(tuple(ProblemCode.UNKNOWN_TARGET_COLUMN, "/tables/0/select/1"));
    }

    @Test
    void acceptsAnAlternateKeyOfTheTargetNamedByItsColumnsInAnyOrder() {
        Plan plan = plan(PROD, TEST,
                new TableSpec("teams", List.of(), null, "azureactivedirectoryobjectid,membershiptype", false));

        assertThat(validator.validate(plan, metadata)).isEmpty();
    }

    @Test
    void refusesAnUnknownKeyListingTheAlternateKeys() {
        List<PlanProblem> problems = validator.validate(plan(PROD, TEST,
                new TableSpec("teams", List.of(), null, "name", false),
                new TableSpec("accounts", List.of(), null, "accountnumber", false)), metadata);

        assertThat(problems).extracting(PlanProblem::code, PlanProblem::location).containsExactly(
                tuple(ProblemCode.UNKNOWN_KEY, "/tables/0/key"),
                tuple(ProblemCode.UNKNOWN_KEY, "/tables/1/key"));
        assertThat(problems.get(0).message()).contains("'primary'", "'membershiptype,azureactivedirectoryobjectid'");
        assertThat(problems.get(1).message()).contains("has no alternate keys");
    }

    @Test
    void refusesAnAlternateKeyWhoseColumnsTheSourceLacks() {
        List<PlanProblem> problems = validator.validate(plan(OLD, TEST,
                new TableSpec("teams", List.of(), null, "membershiptype,azureactivedirectoryobjectid", false)), metadata);

        assertThat(problems).extracting(PlanProblem::code).containsExactly(
                ProblemCode.KEY_COLUMN_NOT_IN_SOURCE, ProblemCode.KEY_COLUMN_NOT_IN_SOURCE);
        assertThat(problems).extracting(PlanProblem::message).anySatisfy(message ->
                assertThat(message).contains("'azureactivedirectoryobjectid'", "source environment 'old'"));
    }

    @Test
    void refusesOptionsOutOfRangeNamingTheBounds() {
        Plan plan = new Plan("n", PROD, TEST, List.of(TableSpec.of("accounts")),
                new PlanOptions(0, PlanOptions.MAX_BATCH_SIZE + 1, PlanOptions.MAX_MAX_CONCURRENCY + 1));

        List<PlanProblem> problems = validator.validate(plan, metadata);

        assertThat(problems).extracting(PlanProblem::code).containsOnly(ProblemCode.OPTION_OUT_OF_RANGE);
        assertThat(problems).extracting(PlanProblem::location)
                .containsExactly("/options/pageSize", "/options/batchSize", "/options/maxConcurrency");
        assertThat(problems.get(0).message()).contains("1 to 5000", "default 5000");
    }

    @Test
    void acceptsOptionsAtTheirBounds() {
        Plan low = new Plan("n", PROD, TEST, List.of(TableSpec.of("accounts")), new PlanOptions(
                PlanOptions.MIN_PAGE_SIZE, PlanOptions.MIN_BATCH_SIZE, PlanOptions.MIN_MAX_CONCURRENCY));
        Plan high = new Plan("n", PROD, TEST, List.of(TableSpec.of("accounts")), new PlanOptions(
                PlanOptions.MAX_PAGE_SIZE, PlanOptions.MAX_BATCH_SIZE, PlanOptions.MAX_MAX_CONCURRENCY));

        assertThat(validator.validate(low, metadata)).isEmpty();
        assertThat(validator.validate(high, metadata)).isEmpty();
    }

    @Test
    void reportsMetadataThatCouldNotBeReadAndChecksTheOtherSide() {
        List<PlanProblem> problems = validator.validate(plan(PROD, TEST, TableSpec.of("acounts")),
                Map.of(PROD, metadata(DATAVERSE_V91)));

        assertThat(problems).extracting(PlanProblem::code, PlanProblem::location).containsExactly(
                tuple(ProblemCode.METADATA_UNAVAILABLE, "/target"),
                tuple(ProblemCode.UNKNOWN_SOURCE_ENTITY_SET, "/tables/0/entitySet"));
    }

    @Test
    void reportsEveryProblemOfAPlanAtOnce() {
        Plan plan = new Plan("", "prdo", TEST, List.of(
                TableSpec.of("accounts"),
                new TableSpec("contacts", List.of("firstname", "nicknam"), null, "emailaddress1", false),
                TableSpec.of("accounts"),
                TableSpec.of("widgets")),
                new PlanOptions(PlanOptions.MAX_PAGE_SIZE + 1, PlanOptions.DEFAULT_BATCH_SIZE, 0));

        List<PlanProblem> problems = validator.validate(plan, metadata);

        assertThat(problems).extracting(PlanProblem::code, PlanProblem::location).containsExactly(
                tuple(ProblemCode.MISSING_FIELD, "/name"),
                tuple(ProblemCode.UNKNOWN_ENVIRONMENT, "/source"),
                tuple(ProblemCode.DUPLICATE_TABLE, "/tables/2/entitySet"),
                tuple(ProblemCode.OPTION_OUT_OF_RANGE, "/options/pageSize"),
                tuple(ProblemCode.OPTION_OUT_OF_RANGE, "/options/maxConcurrency"),
                tuple(ProblemCode.UNKNOWN_TARGET_COLUMN, "/tables/1/select/1"),
                tuple(ProblemCode.UNKNOWN_KEY, "/tables/1/key"),
                tuple(ProblemCode.UNKNOWN_TARGET_ENTITY_SET, "/tables/3/entitySet"));
    }

    @Test
    void acceptsARuleForEachLookupByItsLogicalName() {
        Plan plan = plan(PROD, TEST, new TableSpec("contacts", List.of(), null, TableSpec.PRIMARY_KEY, false,
                Map.of("parentcustomerid", "clear", "ownerid", "REJECT", "createdby", "keep")));

        assertThat(validator.validate(plan, metadata)).isEmpty();
        assertThat(plan.tables().get(0).lookupRule("ownerid")).isEqualTo(LookupRule.REJECT);
        assertThat(plan.tables().get(0).lookupRule("modifiedby")).isEqualTo(LookupRule.KEEP);
    }

    @Test
    void refusesARuleForAColumnThatIsNotALookupAndARuleThatDoesNotExist() {
        Plan plan = plan(PROD, TEST, new TableSpec("contacts", List.of(), null, TableSpec.PRIMARY_KEY, false,
                Map.of("parentcustomer", "clear", "ownerid", "drop")));

        List<PlanProblem> problems = validator.validate(plan, metadata);

        assertThat(problems).extracting(PlanProblem::code, PlanProblem::location).containsExactlyInAnyOrder(
                tuple(ProblemCode.UNKNOWN_LOOKUP, "/tables/0/lookups/parentcustomer"),
                tuple(ProblemCode.UNKNOWN_LOOKUP_RULE, "/tables/0/lookups/ownerid"));
        assertThat(problems).filteredOn(problem -> problem.code() == ProblemCode.UNKNOWN_LOOKUP).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("'parentcustomer' is not a lookup of 'contacts'",
                        "Did you mean 'parentcustomerid'?"));
        assertThat(problems).filteredOn(problem -> problem.code() == ProblemCode.UNKNOWN_LOOKUP_RULE).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("'drop'", "keep", "clear", "reject"));
    }

    @Test
    void refusesAScheduleThatDoesNotExistNamingTheOnesThatDo() {
        Plan plan = new Plan("n", PROD, TEST, List.of(TableSpec.of("accounts")),
                PlanOptions.of(null, null, null, "parallel"));

        assertThat(validator.validate(plan, metadata)).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo(ProblemCode.INVALID_VALUE);
            assertThat(problem.location()).isEqualTo("/options/schedule");
            assertThat(problem.message()).contains("'parallel'", "dependencies, sequential");
        });
    }

    @Test
    void theScheduleIsDependenciesUnlessThePlanSaysSequential() {
        assertThat(PlanOptions.defaults().scheduleOrDefault()).isEqualTo(Schedule.DEPENDENCIES);
        assertThat(PlanOptions.of(null, null, null, "Sequential").scheduleOrDefault()).isEqualTo(Schedule.SEQUENTIAL);
    }

    private static Plan plan(String source, String target, TableSpec... tables) {
        return new Plan("a plan", source, target, new ArrayList<>(Arrays.asList(tables)), null);
    }
}
