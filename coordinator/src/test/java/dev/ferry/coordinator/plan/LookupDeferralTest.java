package dev.ferry.coordinator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.common.metadata.Requiredness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LookupDeferralTest {

    @Test
    void everySelfReferenceIsDeferredEvenOutsideAnyCycle() {
        LookupDeferral deferral = LookupDeferral.choose(List.of("accounts", "systemusers"), List.of(
                unknown("accounts", "_parentaccountid_value", "accounts"),
                unknown("accounts", "_ownerid_value", "systemusers"),
                unknown("systemusers", "_parentsystemuserid_value", "systemusers")));

        assertThat(deferral.problems()).isEmpty();
        assertThat(deferral.deferred()).containsExactly(
                new DeferredLookup("accounts", "_parentaccountid_value", List.of("accounts"), "self-reference"),
                new DeferredLookup("systemusers", "_parentsystemuserid_value", List.of("systemusers"),
                        "self-reference"));
    }

    @Test
    void aTwoTableCycleIsBrokenByDeferringExactlyOneLookupChosenByName() {
        LookupDeferral deferral = LookupDeferral.choose(List.of("contacts", "accounts"), List.of(
                unknown("contacts", "_parentcustomerid_value", "accounts"),
                unknown("accounts", "_primarycontactid_value", "contacts")));

        assertThat(deferral.problems()).isEmpty();
        assertThat(deferral.deferred()).containsExactly(new DeferredLookup("accounts", "_primarycontactid_value",
                List.of("contacts"), "breaks cycle accounts→contacts→accounts"));
    }

    @Test
    void aPolymorphicSelfReferenceAlsoBreaksTheCycleItsOtherTargetCloses() {
        // crm: contact.parentcustomerid points to accounts and contacts; account.primarycontactid to contacts.
        LookupDeferral deferral = LookupDeferral.choose(List.of("accounts", "contacts"), List.of(
                unknown("accounts", "_primarycontactid_value", "contacts"),
                unknown("contacts", "_parentcustomerid_value", "accounts", "contacts")));

        assertThat(deferral.deferred()).containsExactly(new DeferredLookup("contacts", "_parentcustomerid_value",
                List.of("accounts", "contacts"), "self-reference; also breaks cycle contacts→accounts→contacts"));
    }

    @Test
    void aThreeTableCycleWithAShortcutIsBrokenWhereOneLookupSuffices() {
        // a → b → c → a, and c → b: deferring b's lookup to c breaks both cycles at once.
        LookupDeferral deferral = LookupDeferral.choose(List.of("a", "b", "c"), List.of(
                unknown("a", "_b_value", "b"),
                unknown("b", "_c_value", "c"),
                unknown("c", "_a_value", "a"),
                unknown("c", "_b_value", "b")));

        assertThat(deferral.problems()).isEmpty();
        assertThat(deferral.deferred()).singleElement().satisfies(lookup -> {
            assertThat(lookup.table()).isEqualTo("b");
            assertThat(lookup.lookup()).isEqualTo("_c_value");
            assertThat(lookup.reason()).startsWith("breaks cycle b→c→");
        });
    }

    @Test
    void twoDisjointCyclesInOneComponentNeedTwoLookups() {
        // a ⇄ b and b ⇄ c: no single lookup breaks both.
        LookupDeferral deferral = LookupDeferral.choose(List.of("a", "b", "c"), List.of(
                unknown("a", "_b_value", "b"),
                unknown("b", "_a_value", "a"),
                unknown("b", "_c_value", "c"),
                unknown("c", "_b_value", "b")));

        assertThat(deferral.deferred()).extracting(lookup -> lookup.table() + "." + lookup.lookup())
                .containsExactly("a._b_value", "b._c_value");
    }

    @Test
    void aRequiredLookupIsNotChosenEvenWhenFirstByName() {
        LookupDeferral deferral = LookupDeferral.choose(List.of("a", "b"), List.of(
                lookup("a", "_b_value", Requiredness.REQUIRED, "b"),
                unknown("b", "_a_value", "a")));

        assertThat(deferral.problems()).isEmpty();
        assertThat(deferral.deferred()).extracting(DeferredLookup::table, DeferredLookup::lookup)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("b", "_a_value"));
    }

    @Test
    void aKnownOptionalLookupIsPreferredToOneOfUnknownRequiredness() {
        LookupDeferral deferral = LookupDeferral.choose(List.of("a", "b"), List.of(
                unknown("a", "_b_value", "b"),
                lookup("b", "_a_value", Requiredness.OPTIONAL, "a")));

        assertThat(deferral.deferred()).extracting(DeferredLookup::table).containsExactly("b");
    }

    @Test
    void aCycleOfRequiredLookupsIsAProblemNamingThem() {
        LookupDeferral deferral = LookupDeferral.choose(List.of("a", "b"), List.of(
                lookup("a", "_b_value", Requiredness.REQUIRED, "b"),
                lookup("b", "_a_value", Requiredness.REQUIRED, "a")));

        assertThat(deferral.deferred()).isEmpty();
        assertThat(deferral.problems()).singleElement().asString()
                .contains("Tables a, b")
                .contains("a._b_value, b._a_value are required");
    }

    @Test
    void aRequiredSelfReferenceIsAProblem() {
        LookupDeferral deferral = LookupDeferral.choose(List.of("a"), List.of(
                lookup("a", "_parent_value", Requiredness.REQUIRED, "a")));

        assertThat(deferral.deferred()).isEmpty();
        assertThat(deferral.problems()).singleElement().asString().contains("a._parent_value")
                .contains("own table and is required");
    }

    @Test
    void aCycleWithTooManyCandidatesIsRefusedRatherThanSearched() {
        // A ring of 13 tables, each with one lookup to the next: 13 candidates, over the bound.
        List<String> tables = new ArrayList<>();
        List<LookupCandidate> candidates = new ArrayList<>();
        int size = LookupDeferral.MAX_CYCLE_CANDIDATES + 1;
        for (int i = 0; i < size; i++) {
            tables.add("t" + i);
        }
        for (int i = 0; i < size; i++) {
            candidates.add(unknown("t" + i, "_next_value", "t" + ((i + 1) % size)));
        }

        LookupDeferral deferral = LookupDeferral.choose(tables, candidates);

        assertThat(deferral.problems()).singleElement().asString().contains("at most 12");
    }

    private static LookupCandidate unknown(String table, String lookup, String... targets) {
        return lookup(table, lookup, Requiredness.UNKNOWN, targets);
    }

    private static LookupCandidate lookup(String table, String lookup, Requiredness requiredness, String... targets) {
        return new LookupCandidate(table, lookup, List.of(targets), requiredness);
    }
}
