package dev.ferry.emulator.query;

import static dev.ferry.emulator.query.HttpJson.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.emulator.Emulator;
import dev.ferry.emulator.EmulatorOptions;
import dev.ferry.emulator.store.LookupValue;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** $expand of lookups, shaped like Dataverse's "Expand single-valued navigation properties" example. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExpandTest {
    private Emulator emulator;
    private HttpJson http;
    private UUID litware;
    private UUID susanna;
    private UUID kid;

    @BeforeAll
    void start() {
        emulator = Emulator.start(EmulatorOptions.defaults());
        http = new HttpJson(emulator.baseUrl());
        TestRows rows = new TestRows(emulator, 9);
        UUID user = rows.row("systemuser").set("fullname", "System Administrator").set("lastname", "Administrator")
                .set("domainname", "admin@example.com").insert();
        litware = rows.row("account").set("name", "Litware, Inc. (sample)").lookup("ownerid", "systemuser", user).insert();
        susanna = rows.row("contact").set("fullname", "Susanna Stubberod (sample)").set("lastname", "Stubberod")
                .lookup("parentcustomerid", "account", litware).insert();
        rows.update("account", litware, "primarycontactid", new LookupValue("contact", susanna));
        rows.row("account").set("name", "Lonely Ltd").insert();
        kid = rows.row("contact").set("fullname", "Kid").set("lastname", "K").lookup("parentcustomerid", "contact", susanna)
                .insert();
    }

    @AfterAll
    void stop() {
        emulator.close();
    }

    @Test
    void expandedLookupsAreNestedObjectsWithTheirSelectedColumnsAndId() {
        HttpJson.Answer a = http.get("accounts?$select=name&$orderby=name&$expand="
                + q("primarycontactid($select=fullname),ownerid"));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        JsonNode body = a.json();
        assertThat(body.path("@odata.context").asText())
                .isEqualTo(emulator.baseUrl() + "$metadata#accounts(name,primarycontactid(fullname),ownerid())");
        JsonNode first = body.path("value").get(0);
        assertThat(first.path("name").asText()).isEqualTo("Litware, Inc. (sample)");
        List<String> nested = new ArrayList<>();
        first.path("primarycontactid").fieldNames().forEachRemaining(nested::add);
        assertThat(nested).containsExactly("fullname", "contactid");
        assertThat(first.path("primarycontactid").path("contactid").asText()).isEqualTo(susanna.toString());
        assertThat(first.path("ownerid").path("fullname").asText()).isEqualTo("System Administrator");
        JsonNode second = body.path("value").get(1);
        assertThat(second.path("primarycontactid").isNull()).isTrue();
        assertThat(second.path("ownerid").isNull()).isTrue();
    }

    @Test
    void polymorphicNavigationExpandsOnlyRowsOfItsTable() {
        JsonNode value = http.get("contacts?$select=fullname&$orderby=fullname&$expand="
                + q("parentcustomerid_account($select=name)")).json().path("value");
        assertThat(value.get(0).path("fullname").asText()).isEqualTo("Kid");
        assertThat(value.get(0).path("parentcustomerid_account").isNull()).isTrue();
        assertThat(value.get(1).path("parentcustomerid_account").path("name").asText()).isEqualTo("Litware, Inc. (sample)");
    }

    @Test
    void nestedExpansionsAndSingleRows() {
        HttpJson.Answer a = http.get("contacts(" + kid + ")?$select=fullname&$expand="
                + q("parentcustomerid_contact($select=fullname;$expand=parentcustomerid_account($select=name))"));
        JsonNode body = a.json();
        assertThat(body.path("@odata.context").asText()).isEqualTo(emulator.baseUrl()
                + "$metadata#contacts(fullname,parentcustomerid_contact(fullname,parentcustomerid_account(name)))/$entity");
        assertThat(body.path("parentcustomerid_contact").path("parentcustomerid_account").path("accountid").asText())
                .isEqualTo(litware.toString());
    }

    @Test
    void nextLinksKeepTheExpansion() {
        HttpJson.Answer a = http.get("accounts?$select=name&$expand=" + q("primarycontactid($select=fullname)"),
                "Prefer", "odata.maxpagesize=1");
        String next = a.json().path("@odata.nextLink").asText();
        assertThat(next).contains("$select=name&$expand=primarycontactid($select=fullname)&$skiptoken=");
        assertThat(http.getAbsolute(next).json().path("value").get(0).has("primarycontactid")).isTrue();
    }

    @Test
    void unknownOrCollectionNavigationsAreRefused() {
        HttpJson.Answer unknown = http.get("accounts?$expand=nosuch");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorMessage()).isEqualTo("Could not find a property named 'nosuch' on type 'Microsoft.Dynamics.CRM.account'.");
        assertThat(http.get("accounts?$expand=" + q("primarycontactid($select=nosuch)")).errorMessage())
                .contains("'nosuch' on type 'Microsoft.Dynamics.CRM.contact'");
        assertThat(http.get("accounts?$expand=" + q("primarycontactid($top=1)")).status()).isEqualTo(400);
        assertThat(http.get("accounts?$expand=accountleads_association").status()).isEqualTo(501);
    }
}
