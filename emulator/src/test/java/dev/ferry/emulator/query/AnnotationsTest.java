package dev.ferry.emulator.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.emulator.Emulator;
import dev.ferry.emulator.EmulatorOptions;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnnotationsTest {
    private static final String FORMATTED = "@OData.Community.Display.V1.FormattedValue";
    private static final String NAVIGATION = "@Microsoft.Dynamics.CRM.associatednavigationproperty";
    private static final String LOGICAL_NAME = "@Microsoft.Dynamics.CRM.lookuplogicalname";
    private Emulator emulator;
    private HttpJson http;
    private UUID byUser;
    private UUID byTeam;
    private UUID contact;

    @BeforeAll
    void start() {
        emulator = Emulator.start(EmulatorOptions.defaults());
        http = new HttpJson(emulator.baseUrl());
        TestRows rows = new TestRows(emulator, 6);
        UUID user = rows.row("systemuser").set("fullname", "Ann Admin").set("lastname", "Admin")
                .set("domainname", "ann@example.com").insert();
        UUID team = rows.row("team").set("name", "Sales Team").insert();
        byUser = rows.row("account").set("name", "Litware, Inc. (sample)").set("revenue", new BigDecimal("20000.0000"))
                .set("industrycode", 7).set("creditonhold", true).set("numberofemployees", 1234)
                .set("lastusedincampaign", Instant.parse("2023-04-07T21:59:01Z"))
                .lookup("ownerid", "systemuser", user).insert();
        byTeam = rows.row("account").set("name", "Adventure Works (sample)").lookup("ownerid", "team", team).insert();
        contact = rows.row("contact").set("fullname", "Susanna Stubberod (sample)").set("lastname", "Stubberod")
                .lookup("parentcustomerid", "account", byUser).insert();
    }

    @AfterAll
    void stop() {
        emulator.close();
    }

    private JsonNode account(UUID id, String select, String prefer) {
        HttpJson.Answer a = http.get("accounts(" + id + ")?$select=" + select, "Prefer", prefer);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json();
    }

    @Test
    void everyAnnotationWithAStar() {
        HttpJson.Answer a = http.get("accounts(" + byUser + ")?$select=name,revenue,industrycode,creditonhold,"
                + "numberofemployees,lastusedincampaign,_ownerid_value,telephone1", "Prefer", "odata.include-annotations=\"*\"");
        assertThat(a.header("Preference-Applied")).isEqualTo("odata.include-annotations=\"*\"");
        JsonNode row = a.json();
        assertThat(row.path("revenue" + FORMATTED).asText()).isEqualTo("$20,000.00");
        assertThat(row.path("industrycode" + FORMATTED).asText()).isEqualTo("Consulting");
        assertThat(row.path("creditonhold" + FORMATTED).asText()).isEqualTo("Yes");
        assertThat(row.path("numberofemployees" + FORMATTED).asText()).isEqualTo("1,234");
        assertThat(row.path("lastusedincampaign" + FORMATTED).asText()).isEqualTo("4/7/2023 9:59 PM");
        assertThat(row.path("_ownerid_value" + FORMATTED).asText()).isEqualTo("Ann Admin");
        assertThat(row.path("_ownerid_value" + NAVIGATION).asText()).isEqualTo("ownerid");
        assertThat(row.path("_ownerid_value" + LOGICAL_NAME).asText()).isEqualTo("systemuser");
        assertThat(row.has("name" + FORMATTED)).isFalse();
        assertThat(row.has("telephone1" + FORMATTED)).isFalse();
        assertThat(row.path("telephone1").isNull()).isTrue();
    }

    /** Same fields in the same order as Microsoft's accounts_ownerid_lookup_annotations.json (ms-docs fixture). */
    @Test
    void lookupAnnotationsHaveTheShapeOfTheRealResponse() {
        String prefer = "odata.include-annotations=\"Microsoft.Dynamics.CRM.associatednavigationproperty,"
                + "Microsoft.Dynamics.CRM.lookuplogicalname\"";
        HttpJson.Answer a = http.get("accounts?$select=name,_ownerid_value&$orderby=name", "Prefer", prefer);
        JsonNode value = a.json().path("value");
        List<String> fields = new ArrayList<>();
        value.get(0).fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("@odata.etag", "name", "_ownerid_value" + NAVIGATION,
                "_ownerid_value" + LOGICAL_NAME, "_ownerid_value", "accountid");
        assertThat(value.get(0).path("_ownerid_value" + LOGICAL_NAME).asText()).isEqualTo("team");
        assertThat(value.get(1).path("_ownerid_value" + LOGICAL_NAME).asText()).isEqualTo("systemuser");
        assertThat(a.json().path("@odata.context").asText()).endsWith("$metadata#accounts(name,_ownerid_value)");
    }

    @Test
    void formattedValuesAloneLeaveLookupNamesOut() {
        JsonNode row = account(byUser, "revenue,_ownerid_value",
                "odata.include-annotations=\"OData.Community.Display.V1.FormattedValue\"");
        List<String> fields = new ArrayList<>();
        row.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("@odata.context", "@odata.etag", "revenue" + FORMATTED, "revenue",
                "_ownerid_value" + FORMATTED, "_ownerid_value", "accountid");
    }

    @Test
    void namespaceWildcardsAndExclusions() {
        JsonNode crmOnly = account(byTeam, "_ownerid_value", "odata.include-annotations=\"Microsoft.Dynamics.CRM.*\"");
        assertThat(crmOnly.path("_ownerid_value" + LOGICAL_NAME).asText()).isEqualTo("team");
        assertThat(crmOnly.has("_ownerid_value" + FORMATTED)).isFalse();
        JsonNode allButNames = account(byTeam, "_ownerid_value",
                "odata.include-annotations=\"*,-Microsoft.Dynamics.CRM.lookuplogicalname\"");
        assertThat(allButNames.path("_ownerid_value" + FORMATTED).asText()).isEqualTo("Sales Team");
        assertThat(allButNames.has("_ownerid_value" + LOGICAL_NAME)).isFalse();
    }

    @Test
    void polymorphicLookupsNameTheNavigationPropertyOfTheirTarget() {
        HttpJson.Answer a = http.get("contacts(" + contact + ")?$select=_parentcustomerid_value", "Prefer",
                "odata.include-annotations=\"*\"");
        JsonNode row = a.json();
        assertThat(row.path("_parentcustomerid_value" + NAVIGATION).asText()).isEqualTo("parentcustomerid_account");
        assertThat(row.path("_parentcustomerid_value" + LOGICAL_NAME).asText()).isEqualTo("account");
        assertThat(row.path("_parentcustomerid_value" + FORMATTED).asText()).isEqualTo("Litware, Inc. (sample)");
    }

    @Test
    void noAnnotationsUnlessAskedFor() {
        JsonNode row = http.get("accounts(" + byUser + ")?$select=revenue,_ownerid_value").json();
        assertThat(row.has("revenue" + FORMATTED)).isFalse();
        assertThat(row.has("_ownerid_value" + LOGICAL_NAME)).isFalse();
    }

    @Test
    void bothPreferencesAreReportedApplied() {
        HttpJson.Answer a = http.get("accounts?$select=name", "Prefer",
                "odata.include-annotations=\"OData.Community.Display.V1.FormattedValue\", odata.maxpagesize=1");
        assertThat(a.header("Preference-Applied"))
                .isEqualTo("odata.include-annotations=\"OData.Community.Display.V1.FormattedValue\",odata.maxpagesize=1");
        assertThat(a.json().path("value")).hasSize(1);
    }
}
