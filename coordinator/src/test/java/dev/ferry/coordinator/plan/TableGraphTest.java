package dev.ferry.coordinator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.coordinator.CrmMetadata;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableGraphTest {

    @Test
    void aChildComesInTheWaveAfterItsParents() {
        TableGraph graph = graph("opportunities", "accounts");

        assertThat(graph.parents("opportunities")).containsExactly("accounts");
        assertThat(graph.parents("accounts")).isEmpty();
        assertThat(graph.waves()).containsExactly(List.of("accounts"), List.of("opportunities"));
        assertThat(graph.deferredLookups()).extracting(DeferredLookup::lookup).containsExactly("_parentaccountid_value");
    }

    @Test
    void selfReferencesAreDeferredAndDoNotGateTheirTable() {
        TableGraph graph = graph("accounts", "systemusers");

        // account.parentaccountid and systemuser.parentsystemuserid point to their own table.
        assertThat(graph.parents("systemusers")).isEmpty();
        assertThat(graph.parents("accounts")).containsExactly("systemusers");
        assertThat(graph.waves()).containsExactly(List.of("systemusers"), List.of("accounts"));
        assertThat(graph.deferredLookups()).containsExactly(
                new DeferredLookup("accounts", "_parentaccountid_value", List.of("accounts"), "self-reference"),
                new DeferredLookup("systemusers", "_parentsystemuserid_value", List.of("systemusers"),
                        "self-reference"));
        assertThat(graph.problems()).isEmpty();
    }

    @Test
    void thePolymorphicOwnerPointsToUsersAndTeams() {
        TableGraph graph = graph("leads", "teams", "systemusers");

        assertThat(graph.parents("leads")).containsExactly("teams", "systemusers");
        assertThat(graph.lookups("leads", "teams")).containsExactly("ownerid");
        assertThat(graph.waves()).containsExactly(List.of("systemusers"), List.of("teams"), List.of("leads"));
    }

    @Test
    void theAccountContactCycleIsBrokenByOneDeferredLookupSoContactsLoadFirst() {
        TableGraph graph = graph("accounts", "contacts", "systemusers");

        // contact.parentcustomerid can point to a contact: deferred as a self-reference, it also breaks the cycle.
        assertThat(graph.deferredLookups("contacts")).containsExactly(new DeferredLookup("contacts",
                "_parentcustomerid_value", List.of("accounts", "contacts"),
                "self-reference; also breaks cycle contacts→accounts→contacts"));
        assertThat(graph.deferredLookups("accounts")).extracting(DeferredLookup::lookup)
                .containsExactly("_parentaccountid_value");
        assertThat(graph.releaseAfter("contacts")).containsExactly("systemusers");
        assertThat(graph.releaseAfter("accounts")).containsExactly("contacts", "systemusers");
        assertThat(graph.parents("contacts")).containsExactly("accounts", "systemusers");
        assertThat(graph.waves()).containsExactly(List.of("systemusers"), List.of("contacts"), List.of("accounts"));
        assertThat(graph.lookups("accounts", "contacts")).containsExactly("primarycontactid");
        assertThat(graph.lookups("contacts", "accounts")).containsExactly("parentcustomerid_account");
    }

    @Test
    void theWholeCrmSchemaLoadsInSixWavesWithoutACycle() {
        TableGraph graph = graph("opportunities", "leads", "contacts", "accounts", "teams", "systemusers");

        assertThat(graph.waves()).containsExactly(List.of("systemusers"), List.of("teams"), List.of("contacts"),
                List.of("accounts"), List.of("leads"), List.of("opportunities"));
        assertThat(graph.releaseAfter("opportunities")).containsExactly("leads", "contacts", "accounts", "teams",
                "systemusers");
        assertThat(graph.deferredLookups()).extracting(lookup -> lookup.table() + "." + lookup.lookup())
                .containsExactly("accounts._parentaccountid_value", "contacts._parentcustomerid_value",
                        "systemusers._parentsystemuserid_value");
    }

    @Test
    void aTableWhoseParentsAreOutsideThePlanIsInTheFirstWave() {
        assertThat(graph("teams").waves()).containsExactly(List.of("teams"));
        assertThat(graph("leads", "opportunities").waves()).containsExactly(List.of("leads"), List.of("opportunities"));
    }

    private static TableGraph graph(String... tables) {
        return TableGraph.of(List.of(tables), CrmMetadata.crm());
    }
}
