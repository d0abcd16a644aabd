package dev.ferry.coordinator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.common.contract.AssociationTarget;
import dev.ferry.common.contract.LoadPass;
import dev.ferry.common.contract.OutsideLookup;
import dev.ferry.common.contract.Topics;
import dev.ferry.common.odata.ManyToManyRelationship;
import dev.ferry.common.plan.LookupRule;
import dev.ferry.common.plan.Plan;
import dev.ferry.common.plan.PlanOptions;
import dev.ferry.common.plan.TableSpec;
import dev.ferry.coordinator.CrmMetadata;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Many-to-many associations entries, lookups outside the plan and the sequential order, as the planner lays them out. */
class RelationshipLayoutTest {

    private static final ManyToManyRelationship ACCOUNT_LEADS = new ManyToManyRelationship("accountleads_association",
            "account", "accountid", "accountleads_association", "lead", "leadid", "accountleads_association",
            "accountleads");
    private static final PlanRelationships BOTH_SIDES = new PlanRelationships(List.of(ACCOUNT_LEADS),
            List.of(ACCOUNT_LEADS));

    @Test
    void aRelationshipOfTwoPlanTablesIsAnEntryReleasedAfterBothThatExtractsItsIntersectTable() {
        RunLayout layout = RunPlanner.layout(plan(TableSpec.of("leads"), TableSpec.of("accounts")), CrmMetadata.crm(),
                CrmMetadata.crm(), BOTH_SIDES);

        AssociationTarget association = new AssociationTarget("accountleads_association", "accounts",
                "accountleads_association", "accountid", "leads", "leadid");
        TableLayout entry = layout.tables().get(layout.tables().size() - 1);
        assertThat(entry).isEqualTo(new TableLayout("accountleads_association--associations",
                "accountleadscollection", LoadPass.ASSOCIATIONS, List.of("accountleadid", "accountid", "leadid"),
                List.of("leads", "accounts"), List.of("leads", "accounts"), List.of(), association, List.of()));
        assertThat(layout.associations()).containsExactly(association);
        assertThat(layout.notes()).noneMatch(note -> note.contains("accountleads_association"));
        assertThat(Topics.data("r-1", entry.table())).isEqualTo("ferry.data.r-1.accountleads_association--associations");
    }

    @Test
    void aRelationshipWithATableOutsideThePlanIsNotCopiedAndSaidSoInOneNote() {
        RunLayout layout = RunPlanner.layout(plan(TableSpec.of("accounts")), CrmMetadata.crm(), CrmMetadata.crm(),
                BOTH_SIDES);

        assertThat(layout.associations()).isEmpty();
        assertThat(layout.tables()).noneMatch(table -> table.pass() == LoadPass.ASSOCIATIONS);
        assertThat(layout.notes()).filteredOn(note -> note.contains("accountleads_association")).singleElement()
                .asString().contains("not in the plan").contains("account ↔ lead");
    }

    @Test
    void aRelationshipTheTargetLacksIsNotCopied() {
        RunLayout layout = RunPlanner.layout(plan(TableSpec.of("accounts"), TableSpec.of("leads")), CrmMetadata.crm(),
                CrmMetadata.crm(), new PlanRelationships(List.of(ACCOUNT_LEADS), List.of()));

        assertThat(layout.associations()).isEmpty();
        assertThat(layout.notes()).filteredOn(note -> note.contains("accountleads_association")).singleElement()
                .asString().contains("the target has no relationship of that schema name");
    }

    @Test
    void lookupsThatCanPointOutsideThePlanCarryThePlansRuleAndKeepByDefault() {
        TableSpec contacts = new TableSpec("contacts", List.of("lastname", "parentcustomerid"), null, "primary", false,
                Map.of("parentcustomerid", "clear"));
        TableSpec leads = new TableSpec("leads", List.of("subject", "parentaccountid", "parentcontactid"), null,
                "primary", false);

        RunLayout layout = RunPlanner.layout(plan(contacts, leads), CrmMetadata.crm(), CrmMetadata.crm());

        // parentcustomerid can point to accounts (outside) or contacts (the plan's, deferred: a self-reference).
        TableLayout contactsPass = entry(layout, "contacts--lookups");
        assertThat(contactsPass.outsideLookups()).containsExactly(new OutsideLookup("_parentcustomerid_value",
                "parentcustomerid", List.of("accounts"), LookupRule.CLEAR));
        assertThat(entry(layout, "contacts").outsideLookups()).isEmpty();
        // leads: parentaccountid points outside only, parentcontactid to a table of the plan, customerid to
        // both (extracted for contacts, so its accounts are outside); ownerid is not extracted at all.
        assertThat(entry(layout, "leads").outsideLookups()).containsExactly(
                new OutsideLookup("_parentaccountid_value", "parentaccountid", List.of("accounts"), LookupRule.KEEP),
                new OutsideLookup("_customerid_value", "customerid", List.of("accounts"), LookupRule.KEEP));
    }

    @Test
    void aSequentialScheduleOrdersTheRowsByWavesThenPassesThenAssociations() {
        Plan plan = new Plan("p", "source", "target", List.of(TableSpec.of("opportunities"), TableSpec.of("leads"),
                TableSpec.of("accounts")), new PlanOptions(5000, 500, 16, "sequential"));

        RunLayout layout = RunPlanner.layout(plan, CrmMetadata.crm(), CrmMetadata.crm(), BOTH_SIDES);

        List<String> waveOrder = layout.waves().stream().flatMap(List::stream).toList();
        assertThat(layout.tables()).extracting(TableLayout::table).containsExactlyElementsOf(
                concat(waveOrder, List.of("accounts--lookups", "accountleads_association--associations")));
        assertThat(waveOrder.indexOf("accounts")).isLessThan(waveOrder.indexOf("opportunities"));
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }

    private static TableLayout entry(RunLayout layout, String table) {
        return layout.tables().stream().filter(entry -> entry.table().equals(table)).findFirst().orElseThrow();
    }

    private static Plan plan(TableSpec... tables) {
        return new Plan("p", "source", "target", List.of(tables), PlanOptions.defaults());
    }
}
