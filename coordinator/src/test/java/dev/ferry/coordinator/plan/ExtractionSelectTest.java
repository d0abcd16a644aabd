package dev.ferry.coordinator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.common.metadata.EntitySetInfo;
import dev.ferry.common.metadata.ServiceMetadata;
import dev.ferry.common.plan.TableSpec;
import dev.ferry.coordinator.CrmMetadata;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExtractionSelectTest {

    private static final ServiceMetadata CRM = CrmMetadata.crm();

    @Test
    void aPlanThatSelectsNothingExtractsEveryColumn() {
        assertThat(select(TableSpec.of("contacts"), Set.of("accounts", "contacts"))).isEmpty();
    }

    @Test
    void addsTheKeyAndTheForeignKeyOfEveryLookupToATableOfThePlan() {
        List<String> select = select(table("contacts", "firstname", "lastname"), Set.of("accounts", "contacts"));

        // parentcustomerid points to accounts and contacts (polymorphic: one foreign key); ownerid to
        // systemusers/teams, which are not in the plan.
        assertThat(select).containsExactly("contactid", "firstname", "lastname", "_parentcustomerid_value");
    }

    @Test
    void leavesOutLookupsToTablesOutsideThePlanButKeepsSelfReferences() {
        List<String> select = select(table("accounts", "name"), Set.of("accounts"));

        assertThat(select).containsExactly("accountid", "name", "_parentaccountid_value");
    }

    @Test
    void aLookupNamedByItsLogicalNameIsSelectedByItsForeignKeyOnce() {
        List<String> select = select(table("contacts", "parentcustomerid", "_parentcustomerid_value"),
                Set.of("contacts", "accounts"));

        assertThat(select).containsExactly("contactid", "_parentcustomerid_value");
    }

    @Test
    void theOwnerLookupCountsWhenItsUsersOrTeamsAreInThePlan() {
        List<String> select = select(table("opportunities", "name"), Set.of("opportunities", "teams"));

        assertThat(select).containsExactly("opportunityid", "name", "_ownerid_value");
    }

    @Test
    void anAlternateKeyAddsItsColumnsAfterTheRecordId() {
        TableSpec byNumber = new TableSpec("accounts", List.of("name"), null, "accountnumber", false);
        EntitySetInfo accounts = CRM.entitySet("accounts").orElseThrow();

        List<String> select = ExtractionSelect.of(byNumber, accounts, CRM, List.of("accountid", "accountnumber"),
                Set.of("accounts"));

        assertThat(select).containsExactly("accountid", "accountnumber", "name", "_parentaccountid_value");
    }

    private static TableSpec table(String entitySet, String... columns) {
        return new TableSpec(entitySet, List.of(columns), null, TableSpec.PRIMARY_KEY, false);
    }

    private static List<String> select(TableSpec table, Set<String> planTables) {
        EntitySetInfo set = CRM.entitySet(table.entitySet()).orElseThrow();
        return ExtractionSelect.of(table, set, CRM, set.keyPropertyNames(), planTables);
    }
}
