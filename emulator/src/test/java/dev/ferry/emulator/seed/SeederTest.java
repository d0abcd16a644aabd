package dev.ferry.emulator.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.emulator.schema.Column;
import dev.ferry.emulator.schema.ColumnType;
import dev.ferry.emulator.schema.ManyToMany;
import dev.ferry.emulator.schema.Table;
import dev.ferry.emulator.store.AssociationStore;
import dev.ferry.emulator.store.LookupValue;
import dev.ferry.emulator.store.Row;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SeederTest {
    private static SeededStore crm;

    @BeforeAll
    static void seedCrm() {
        crm = SeededStore.crm(SeededStore.CRM_COUNTS, 42);
    }

    @Test
    void seedsTheRequestedRowsPerTable() {
        SeededStore.CRM_COUNTS.forEach((table, n) -> assertThat(crm.store.table(table).size()).as(table).isEqualTo(n));
        assertThat(crm.result.rows()).isEqualTo(SeededStore.CRM_COUNTS);
    }

    @Test
    void sameSeedAndCountsGiveTheSameRowsIdsIncluded() {
        SeededStore again = SeededStore.crm(SeededStore.CRM_COUNTS, 42);

        for (Table t : crm.store.schema().tables()) {
            List<Row> a = crm.rows(t.logicalName());
            List<Row> b = again.rows(t.logicalName());
            assertThat(b).hasSameSizeAs(a);
            for (int i = 0; i < a.size(); i++) {
                assertThat(b.get(i).id()).isEqualTo(a.get(i).id());
                assertThat(b.get(i).copyValues()).as(t.logicalName() + " row " + i).containsExactly(a.get(i).copyValues());
            }
        }
        assertThat(again.store.associations("accountleads_association").pairs().map(Arrays::asList).toList())
                .isEqualTo(crm.store.associations("accountleads_association").pairs().map(Arrays::asList).toList());
    }

    @Test
    void anotherSeedGivesOtherRows() {
        SeededStore other = SeededStore.crm(Map.of("account", 50), 43);
        SeededStore same = SeededStore.crm(Map.of("account", 50), 42);

        Set<UUID> ids = new HashSet<>(other.rows("account").stream().map(Row::id).toList());
        assertThat(same.rows("account")).noneMatch(r -> ids.contains(r.id()));
        assertThat(other.values("account", "name")).isNotEqualTo(same.values("account", "name"));
    }

    @Test
    void everyLookupPointsAtAnExistingRowOfOneOfItsTargets() {
        int checked = 0;
        for (Table t : crm.store.schema().tables()) {
            for (Column c : t.columns()) {
                if (!c.type().isLookup()) {
                    continue;
                }
                for (LookupValue v : crm.lookups(t.logicalName(), c.name()).toList()) {
                    assertThat(c.targets()).contains(v.table());
                    assertThat(crm.store.table(v.table()).get(v.id())).as(t + "." + c.name() + " → " + v).isPresent();
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(3000);
    }

    @Test
    void theAccountContactCycleIsPresentBothWays() {
        assertThat(crm.lookups("account", "primarycontactid")).isNotEmpty().allMatch(v -> v.table().equals("contact"));
        assertThat(crm.lookups("contact", "parentcustomerid")).anyMatch(v -> v.table().equals("account"));
    }

    @Test
    void selfReferencesFormHierarchiesWithoutLoops() {
        for (String[] selfRef : new String[][] {{"account", "parentaccountid"}, {"systemuser", "parentsystemuserid"}}) {
            String table = selfRef[0];
            int slot = crm.table(table).indexOf(selfRef[1]);
            assertThat(crm.lookups(table, selfRef[1])).as(selfRef[1]).isNotEmpty();
            for (Row r : crm.rows(table)) {
                Set<UUID> seen = new HashSet<>();
                Row at = r;
                while (at != null && at.get(slot) != null) {
                    assertThat(seen.add(at.id())).as("loop through " + at.id()).isTrue();
                    at = crm.store.table(table).get(((LookupValue) at.get(slot)).id()).orElseThrow();
                }
            }
        }
    }

    @Test
    void polymorphicLookupsUseEveryTarget() {
        assertThat(crm.lookups("contact", "parentcustomerid").map(LookupValue::table).distinct())
                .containsExactlyInAnyOrder("account", "contact");
        assertThat(crm.lookups("lead", "customerid").map(LookupValue::table).distinct())
                .containsExactlyInAnyOrder("account", "contact");
        assertThat(crm.lookups("opportunity", "ownerid").map(LookupValue::table).distinct())
                .containsExactlyInAnyOrder("systemuser", "team");
    }

    @Test
    void requiredLookupsAreAlwaysSet() {
        assertThat(crm.values("team", "administratorid")).doesNotContainNull();
        for (String owned : List.of("account", "contact", "lead", "opportunity")) {
            assertThat(crm.values(owned, "ownerid")).as(owned).doesNotContainNull();
        }
    }

    @Test
    void ownersStayEmptyWithoutUsersOrTeams() {
        SeededStore accountsOnly = SeededStore.crm(Map.of("account", 30), 42);

        assertThat(accountsOnly.values("account", "ownerid")).containsOnlyNulls();
        assertThat(accountsOnly.values("account", "primarycontactid")).containsOnlyNulls();
        assertThat(accountsOnly.lookups("account", "parentaccountid")).isNotEmpty();
    }

    @Test
    void alternateKeyValuesAreUniqueAndSet() {
        assertThat(crm.values("account", "accountnumber")).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(crm.values("systemuser", "domainname")).doesNotContainNull().doesNotHaveDuplicates();
        for (Row r : crm.rows("account")) {
            Object number = r.get(crm.table("account").indexOf("accountnumber"));
            assertThat(crm.store.table("account").getByKey("accountnumber_key", List.of(number)))
                    .map(Row::id).hasValue(r.id());
        }
    }

    @Test
    void linksAFewLeadsToAccounts() {
        AssociationStore links = crm.store.associations("accountleads_association");
        ManyToMany m = links.relationship();

        assertThat(links.size()).isBetween(600L, 3L * 600);
        assertThat(crm.result.associations()).containsEntry(m.schemaName(), links.size());
        links.pairs().forEach(p -> {
            assertThat(crm.store.table(m.table1()).get(p[0])).isPresent();
            assertThat(crm.store.table(m.table2()).get(p[1])).isPresent();
        });
    }

    @Test
    void textHoldsUnicodeEmojiAndLongValues() {
        List<String> strings = crm.strings().toList();

        assertThat(strings).anyMatch(s -> s.chars().anyMatch(ch -> ch > 0x7F && ch < 0x3000));
        assertThat(strings).anyMatch(s -> s.chars().anyMatch(ch -> ch >= 0x4E00 && ch <= 0x9FFF));
        assertThat(strings).anyMatch(s -> s.codePoints().anyMatch(Character::isSupplementaryCodePoint));
        assertThat(crm.values("account", "description")).anyMatch(d -> d != null && ((String) d).length() >= 1999);
        assertThat(crm.values("account", "name")).anyMatch(n -> ((String) n).length() >= 159);
    }

    @Test
    void valuesFitTheirColumns() {
        for (Table t : crm.store.schema().tables()) {
            for (Column c : t.columns()) {
                List<Object> values = crm.values(t.logicalName(), c.name());
                for (Object v : values) {
                    if (v == null) {
                        continue;
                    }
                    switch (c.type()) {
                        case STRING, MEMO -> assertThat(((String) v).length()).as(t + "." + c.name())
                                .isLessThanOrEqualTo(c.maxLength());
                        case PICKLIST, STATE, STATUS -> assertThat(c.options()).as(t + "." + c.name()).containsKey((Integer) v);
                        case MULTISELECTPICKLIST -> assertThat(Arrays.stream(((String) v).split(",")).map(Integer::valueOf))
                                .allMatch(c.options()::containsKey);
                        default -> {
                        }
                    }
                }
            }
        }
    }

    @Test
    void everyWritableColumnHasValuesAndOptionalOnesSometimesNone() {
        for (Table t : crm.store.schema().tables()) {
            for (Column c : t.columns()) {
                if (!SeededStore.isWritable(c) || c.name().equals(t.primaryId())) {
                    continue;
                }
                List<Object> values = crm.values(t.logicalName(), c.name());
                assertThat(values).as(t + "." + c.name()).anyMatch(Objects::nonNull);
            }
        }
        assertThat(crm.values("contact", "emailaddress1")).containsNull();
        assertThat(crm.values("account", "revenue")).containsNull();
        assertThat(crm.values("contact", "fullname")).doesNotContainNull();
    }

    @Test
    void statusReasonsBelongToTheirState() {
        Table lead = crm.table("lead");
        Map<Integer, Set<Integer>> allowed = Map.of(0, Set.of(1, 2), 1, Set.of(3), 2, Set.of(4, 5, 6, 7));
        Set<Integer> states = new HashSet<>();
        for (Row r : crm.rows("lead")) {
            int state = (Integer) r.get(lead.indexOf("statecode"));
            states.add(state);
            assertThat(allowed.get(state)).contains((Integer) r.get(lead.indexOf("statuscode")));
        }
        assertThat(states).contains(0, 1, 2);
    }

    @Test
    void seedingAgainAddsOtherRowsWithFreshKeys() {
        SeededStore twice = SeededStore.crm(Map.of("account", 100), 42);
        new Seeder(twice.store, 42).seed(Map.of("account", 100));

        assertThat(twice.store.table("account").size()).isEqualTo(200);
        assertThat(twice.values("account", "accountnumber")).doesNotHaveDuplicates();
    }

    @Test
    void refusesUnknownTables() {
        assertThatThrownBy(() -> SeededStore.crm(Map.of("widget", 1), 42))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown table 'widget'");
    }

    @Test
    void fullNameIsComputedFromFirstAndLastName() {
        Table contact = crm.table("contact");
        for (Row r : crm.rows("contact")) {
            Object first = r.get(contact.indexOf("firstname"));
            Object last = r.get(contact.indexOf("lastname"));
            List<String> parts = new ArrayList<>();
            if (first != null) {
                parts.add((String) first);
            }
            parts.add((String) last);
            assertThat(r.get(contact.indexOf("fullname"))).isEqualTo(String.join(" ", parts));
        }
        assertThat(contact.column("lastname").orElseThrow().type()).isEqualTo(ColumnType.STRING);
    }
}
