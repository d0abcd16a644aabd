package dev.ferry.emulator.query;

import static dev.ferry.emulator.query.HttpJson.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.emulator.Emulator;
import dev.ferry.emulator.EmulatorOptions;
import dev.ferry.emulator.store.Ids;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NavigationTest {
    private static final String NN = "accountleads_association";
    private Emulator emulator;
    private HttpJson http;
    private UUID account;
    private UUID other;
    private final List<UUID> leads = new ArrayList<>();
    private UUID accountContact;

    @BeforeAll
    void start() {
        emulator = Emulator.start(EmulatorOptions.defaults());
        http = new HttpJson(emulator.baseUrl());
        TestRows rows = new TestRows(emulator, 5);
        account = rows.row("account").set("name", "Linked").insert();
        other = rows.row("account").set("name", "Other").insert();
        for (int i = 0; i < 5; i++) {
            UUID lead = rows.row("lead").set("subject", "Lead " + i).set("numberofemployees", i).insert();
            leads.add(lead);
            rows.associate(NN, account, lead);
        }
        UUID unrelated = rows.row("lead").set("subject", "Lead of other").insert();
        rows.associate(NN, other, unrelated);
        rows.associate(NN, other, leads.get(0));
        accountContact = rows.row("contact").set("fullname", "Works at Linked").set("lastname", "L")
                .lookup("parentcustomerid", "account", account).insert();
        UUID contactParent = rows.row("contact").set("fullname", "Parent contact").set("lastname", "P").insert();
        rows.row("contact").set("fullname", "Child of a contact").set("lastname", "C")
                .lookup("parentcustomerid", "contact", contactParent).insert();
    }

    @AfterAll
    void stop() {
        emulator.close();
    }

    @Test
    void manyToManyNavigationListsTheRelatedRowsOfTheOtherTable() {
        HttpJson.Answer a = http.get("accounts(" + account + ")/" + NN + "?$select=subject");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.json().path("@odata.context").asText()).isEqualTo(emulator.baseUrl() + "$metadata#leads(subject)");
        assertThat(a.ids("leadid")).containsExactlyElementsOf(leads.stream().sorted(Ids.ORDER).toList());
        List<UUID> back = http.get("leads(" + leads.get(0) + ")/" + NN + "?$select=name").ids("accountid");
        assertThat(back).containsExactlyInAnyOrder(account, other);
    }

    @Test
    void manyToManyNavigationTakesFilterTopAndPaging() {
        assertThat(http.get("accounts(" + account + ")/" + NN + "?$filter=" + q("numberofemployees ge 3")).ids("leadid"))
                .containsExactlyInAnyOrder(leads.get(3), leads.get(4));
        assertThat(http.get("accounts(" + account + ")/" + NN + "?$top=2").ids("leadid")).hasSize(2);
        List<UUID> seen = new ArrayList<>();
        HttpJson.Answer page = http.get("accounts(" + account + ")/" + NN + "?$select=subject", "Prefer", "odata.maxpagesize=2");
        seen.addAll(page.ids("leadid"));
        int pages = 1;
        while (page.json().has("@odata.nextLink")) {
            String next = page.json().path("@odata.nextLink").asText();
            assertThat(next).startsWith(emulator.baseUrl() + "accounts(" + account + ")/" + NN + "?$select=subject&$skiptoken=");
            page = http.getAbsolute(next, "Prefer", "odata.maxpagesize=2");
            seen.addAll(page.ids("leadid"));
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(leads.stream().sorted(Ids.ORDER).toList());
    }

    @Test
    void manyToManyReferencesAreEntityIds() throws Exception {
        HttpJson.Answer a = http.get("accounts(" + other + ")/" + NN + "/$ref?$filter=" + q("leadid eq " + leads.get(0)));
        String root = emulator.baseUrl();
        JsonNode expected = new ObjectMapper().readTree("{\"@odata.context\":\"" + root + "$metadata#Collection($ref)\","
                + "\"value\":[{\"@odata.id\":\"" + root + "leads(" + leads.get(0) + ")\"}]}");
        assertThat(a.json()).isEqualTo(expected);
        assertThat(http.get("accounts(" + account + ")/" + NN + "/$ref").json().path("value")).hasSize(5);
    }

    @Test
    void oneToManyNavigationListsTheRowsWhoseLookupPointsHere() {
        HttpJson.Answer a = http.get("accounts(" + account + ")/contact_customer_accounts?$select=fullname");
        assertThat(a.json().path("@odata.context").asText()).isEqualTo(emulator.baseUrl() + "$metadata#contacts(fullname)");
        assertThat(a.ids("contactid")).containsExactly(accountContact);
        assertThat(http.get("accounts(" + other + ")/contact_customer_accounts").json().path("value")).isEmpty();
    }

    @Test
    void navigationFromAMissingRowOrThroughAnUnknownPropertyFails() {
        HttpJson.Answer missing = http.get("accounts(" + UUID.randomUUID() + ")/" + NN);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo("0x80040217");
        HttpJson.Answer unknown = http.get("accounts(" + account + ")/accountleads");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorMessage())
                .isEqualTo("Could not find a property named 'accountleads' on type 'Microsoft.Dynamics.CRM.account'.");
    }
}
