package dev.ferry.coordinator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.common.contract.LoadPass;
import dev.ferry.common.contract.OutsideLookup;
import dev.ferry.common.contract.Topics;
import dev.ferry.common.plan.LookupRule;
import dev.ferry.common.plan.Plan;
import dev.ferry.common.plan.PlanOptions;
import dev.ferry.common.plan.TableSpec;
import dev.ferry.coordinator.CrmMetadata;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunPlannerTest {

    @Test
    void laysOutEachTableWithItsSelectParentsAndGate() {
        Plan plan = new Plan("p", "source", "target", List.of(
                new TableSpec("opportunities", List.of("name"), "statecode eq 0", "primary", false),
                TableSpec.of("accounts")), PlanOptions.defaults());

        RunLayout layout = RunPlanner.layout(plan, CrmMetadata.crm(), CrmMetadata.crm());

        assertThat(layout.tables()).containsExactly(
                new TableLayout("opportunities", "opportunities",
                        LoadPass.ROWS, List.of("opportunityid", "name", "_customerid_value", "_parentaccountid_value"),
                        List.of("accounts"), List.of("accounts"), List.of(), null,
                        // customerid may point to contacts too, which the plan leaves out: kept when it exists.
                        List.of(new OutsideLookup("_customerid_value", "customerid", List.of("contacts"),
                                LookupRule.KEEP))),
                new TableLayout("accounts", "accounts", LoadPass.ROWS, List.of(), List.of(), List.of(),
                        List.of(SELF_PARENT_ACCOUNT), null, List.of(
                                new OutsideLookup("_primarycontactid_value", "primarycontactid", List.of("contacts"),
                                        LookupRule.KEEP),
                                new OutsideLookup("_ownerid_value", "ownerid", List.of("systemusers", "teams"),
                                        LookupRule.KEEP))),
                new TableLayout("accounts--lookups", "accounts", LoadPass.DEFERRED_LOOKUPS,
                        List.of("accountid", "_parentaccountid_value"), List.of(), List.of("accounts"),
                        List.of(SELF_PARENT_ACCOUNT)));
        assertThat(layout.waves()).containsExactly(List.of("accounts"), List.of("opportunities"));
        assertThat(layout.deferredLookups()).containsExactly(SELF_PARENT_ACCOUNT);
        assertThat(layout.notes()).singleElement().asString()
                .contains("accounts._parentaccountid_value → accounts")
                .contains("accounts--lookups")
                .contains("self-reference");
    }

    @Test
    void aCycleGetsAPassPerTableWithDeferredLookupsReleasedAfterTheTableAndItsLookupsTables() {
        Plan plan = new Plan("p", "source", "target", List.of(
                new TableSpec("contacts", List.of("lastname"), "statecode eq 0", "primary", false),
                TableSpec.of("accounts")), PlanOptions.defaults());

        RunLayout layout = RunPlanner.layout(plan, CrmMetadata.crm(), CrmMetadata.crm());

        assertThat(layout.waves()).containsExactly(List.of("contacts"), List.of("accounts"));
        assertThat(layout.tables()).extracting(TableLayout::table)
                .containsExactly("contacts", "accounts", "contacts--lookups", "accounts--lookups");
        TableLayout contacts = layout.tables().get(0);
        assertThat(contacts.pass()).isEqualTo(LoadPass.ROWS);
        assertThat(contacts.releaseAfter()).isEmpty();
        assertThat(contacts.deferredLookupProperties()).containsExactly("_parentcustomerid_value");
        assertThat(layout.tables().get(1).releaseAfter()).containsExactly("contacts");
        TableLayout contactsPass = layout.tables().get(2);
        assertThat(contactsPass.entitySet()).isEqualTo("contacts");
        assertThat(contactsPass.pass()).isEqualTo(LoadPass.DEFERRED_LOOKUPS);
        assertThat(contactsPass.select()).containsExactly("contactid", "_parentcustomerid_value");
        assertThat(contactsPass.releaseAfter()).containsExactly("contacts", "accounts");
        assertThat(layout.tables().get(3).releaseAfter()).containsExactly("accounts");
        assertThat(layout.notes()).noneMatch(note -> note.contains("may be rejected"));
        assertThat(layout.notes()).anySatisfy(note -> assertThat(note)
                .contains("contacts._parentcustomerid_value → contacts, accounts")
                .contains("breaks cycle contacts→accounts→contacts"));
    }

    @Test
    void theDeferredLookupsPassTopicNameIsKeptAsIs() {
        assertThat(Topics.data("r-1", LookupPass.of("accounts"))).isEqualTo("ferry.data.r-1.accounts--lookups");
        assertThat(LookupPass.tableOf("accounts--lookups")).isEqualTo("accounts");
        assertThat(LookupPass.tableOf("accounts")).isEqualTo("accounts");
    }

    private static final DeferredLookup SELF_PARENT_ACCOUNT = new DeferredLookup("accounts",
            "_parentaccountid_value", List.of("accounts"), "self-reference");
}
