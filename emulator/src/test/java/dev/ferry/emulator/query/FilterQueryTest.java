package dev.ferry.emulator.query;

import static dev.ferry.emulator.query.HttpJson.q;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.emulator.Emulator;
import dev.ferry.emulator.EmulatorOptions;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FilterQueryTest {
    private Emulator emulator;
    private HttpJson http;
    private UUID contoso;
    private UUID team;
    private UUID mary;

    @BeforeAll
    void start() {
        emulator = Emulator.start(EmulatorOptions.defaults());
        http = new HttpJson(emulator.baseUrl());
        TestRows rows = new TestRows(emulator, 1);
        UUID user = rows.row("systemuser").set("fullname", "Ann Admin").set("lastname", "Admin")
                .set("domainname", "ann@example.com").insert();
        team = rows.row("team").set("name", "Sales").insert();
        contoso = rows.row("account").set("name", "Contoso Ltd").set("revenue", new BigDecimal("1000000.00"))
                .set("numberofemployees", 500).set("creditonhold", false).set("industrycode", 1)
                .set("lastusedincampaign", Instant.parse("2024-03-01T12:00:00Z")).set("accountnumber", "A-001")
                .lookup("ownerid", "systemuser", user).insert();
        rows.row("account").set("name", "contoso east").set("revenue", new BigDecimal("250000"))
                .set("numberofemployees", 50).set("creditonhold", true).set("telephone1", "555-0100")
                .set("lastusedincampaign", Instant.parse("2023-06-15T00:00:00Z")).set("accountnumber", "A-002")
                .lookup("parentaccountid", "account", contoso).lookup("ownerid", "team", team).insert();
        rows.row("account").set("name", "Fabrikam, Inc.").set("accountnumber", "B-001")
                .lookup("parentaccountid", "account", contoso).insert();
        rows.row("account").set("name", "O'Neil & Sons").set("revenue", new BigDecimal("42.5"))
                .set("numberofemployees", 5).set("telephone1", "555-0199").insert();
        mary = rows.row("contact").set("fullname", "Mary Major").set("lastname", "Major")
                .set("birthdate", LocalDate.parse("1990-05-20")).lookup("parentcustomerid", "account", contoso).insert();
        rows.row("contact").set("fullname", "Kid Major").set("lastname", "Major")
                .set("birthdate", LocalDate.parse("2010-01-02")).lookup("parentcustomerid", "contact", mary).insert();
    }

    @AfterAll
    void stop() {
        emulator.close();
    }

    private List<String> names(String filter) {
        return names("accounts", "name", filter);
    }

    private List<String> names(String set, String property, String filter) {
        HttpJson.Answer a = http.get(set + "?$select=" + property + "&$orderby=" + property + "&$filter=" + q(filter));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        a.json().path("value").forEach(v -> names.add(v.path(property).asText()));
        return names;
    }

    @Test
    void stringEqualityIgnoresCaseLikeDataverseCollation() {
        assertThat(names("name eq 'CONTOSO LTD'")).containsExactly("Contoso Ltd");
        assertThat(names("name ne 'Contoso Ltd'")).containsExactly("contoso east", "Fabrikam, Inc.", "O'Neil & Sons");
    }

    @Test
    void comparisonsWithAnEmptyColumnAreNeitherTrueNorFalse() {
        assertThat(names("telephone1 ne '555-0100'")).containsExactly("O'Neil & Sons");
        assertThat(names("telephone1 eq null")).containsExactly("Contoso Ltd", "Fabrikam, Inc.");
        assertThat(names("telephone1 ne null")).containsExactly("contoso east", "O'Neil & Sons");
        assertThat(names("not (numberofemployees gt 10)")).containsExactly("O'Neil & Sons");
    }

    @Test
    void numbersCompareWithEveryOperator() {
        assertThat(names("numberofemployees gt 50")).containsExactly("Contoso Ltd");
        assertThat(names("numberofemployees ge 50")).containsExactly("contoso east", "Contoso Ltd");
        assertThat(names("numberofemployees lt 50")).containsExactly("O'Neil & Sons");
        assertThat(names("numberofemployees le 5")).containsExactly("O'Neil & Sons");
        assertThat(names("500 le numberofemployees")).containsExactly("Contoso Ltd");
        assertThat(names("revenue ge 250000")).containsExactly("contoso east", "Contoso Ltd");
        assertThat(names("revenue eq 42.5")).containsExactly("O'Neil & Sons");
        assertThat(names("revenue lt 100.5M")).containsExactly("O'Neil & Sons");
        assertThat(names("industrycode eq 1")).containsExactly("Contoso Ltd");
    }

    @Test
    void booleansAsComparisonsAndAsBareProperties() {
        assertThat(names("creditonhold eq true")).containsExactly("contoso east");
        assertThat(names("creditonhold eq false")).containsExactly("Contoso Ltd");
        assertThat(names("creditonhold")).containsExactly("contoso east");
        assertThat(names("not creditonhold")).containsExactly("Contoso Ltd");
    }

    @Test
    void dateTimesCompareWithDateTimeAndDateLiterals() {
        assertThat(names("lastusedincampaign gt 2024-01-01T00:00:00Z")).containsExactly("Contoso Ltd");
        assertThat(names("lastusedincampaign lt 2024-01-01")).containsExactly("contoso east");
        assertThat(names("createdon eq 2024-01-15T10:30:00Z")).hasSize(4);
        assertThat(names("contacts", "fullname", "birthdate lt 2000-01-01")).containsExactly("Mary Major");
    }

    @Test
    void stringFunctionsIgnoreCase() {
        assertThat(names("contains(name,'CONTOSO')")).containsExactly("contoso east", "Contoso Ltd");
        assertThat(names("startswith(name,'fab')")).containsExactly("Fabrikam, Inc.");
        assertThat(names("endswith(name,'SONS')")).containsExactly("O'Neil & Sons");
        assertThat(names("not contains(name,'contoso')")).containsExactly("Fabrikam, Inc.", "O'Neil & Sons");
    }

    @Test
    void guidsAndLookupsFilterByTheirValueProperty() {
        assertThat(names("accountid eq " + contoso)).containsExactly("Contoso Ltd");
        assertThat(names("_parentaccountid_value eq " + contoso)).containsExactly("contoso east", "Fabrikam, Inc.");
        assertThat(names("_parentaccountid_value eq null")).containsExactly("Contoso Ltd", "O'Neil & Sons");
        assertThat(names("_ownerid_value eq " + team)).containsExactly("contoso east");
        assertThat(names("contacts", "fullname", "_parentcustomerid_value eq " + mary)).containsExactly("Kid Major");
    }

    @Test
    void andOrNotAndParenthesesCombine() {
        assertThat(names("(contains(name,'contoso') or startswith(name,'fab')) and numberofemployees gt 10"))
                .containsExactly("contoso east", "Contoso Ltd");
        assertThat(names("contains(name,'contoso') or startswith(name,'fab') and numberofemployees gt 10"))
                .containsExactly("contoso east", "Contoso Ltd");
        assertThat(names("numberofemployees eq 5 or (telephone1 eq null and accountnumber eq 'B-001')"))
                .containsExactly("Fabrikam, Inc.", "O'Neil & Sons");
    }

    @Test
    void quotedQuotesAndParameterAliases() {
        assertThat(names("name eq 'O''Neil & Sons'")).containsExactly("O'Neil & Sons");
        HttpJson.Answer a = http.get("accounts?$select=name&$filter=" + q("name eq @p1") + "&@p1=" + q("'Fabrikam, Inc.'"));
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().path("value").get(0).path("name").asText()).isEqualTo("Fabrikam, Inc.");
    }

    @Test
    void badFiltersAreRefusedWithODataLibMessages() {
        assertError("name eqq 'x'", 400, "Syntax error at position 5 in 'name eqq 'x''.");
        assertError("foo eq 1", 400, "Could not find a property named 'foo' on type 'Microsoft.Dynamics.CRM.account'.");
        assertError("name eq 5", 400, "A binary operator with incompatible types was detected. Found operand types"
                + " 'Edm.String' and 'Edm.Int32' for operator kind 'Equal'.");
        assertError("contains(numberofemployees,'5')", 400, "No function signature for the function with name"
                + " 'contains' matches the specified arguments. The function signatures considered are:"
                + " contains(Edm.String Nullable=true, Edm.String Nullable=true).");
        assertError("name eq 'open", 400, "There is an unterminated string literal at position 8 in 'name eq 'open'.");
        assertError("name", 400, "The $filter expression must evaluate to a single boolean value");
        assertError("tolower(name) eq 'x'", 400, "The 'tolower' function is not supported");
        assertError("(name eq 'x'", 400, "expected ')'");
        assertError("name eq 'x' and", 400, "ends unexpectedly");
        assertError("accountid eq 'not-a-guid'", 400, "Found operand types 'Edm.Guid' and 'Edm.String'");
        assertError("numberofemployees add 1 eq 2", 400, "The operator 'add'");
        assertError("name eq @missing", 400, "The parameter alias '@missing'");
    }

    @Test
    void dataverseQueryFunctionsAreNotImplemented() {
        assertError("Microsoft.Dynamics.CRM.Today(PropertyName='createdon')", 501,
                "does not implement the query function Microsoft.Dynamics.CRM.Today");
        assertError("parentaccountid/name eq 'x'", 501, "filtering on related rows");
    }

    private void assertError(String filter, int status, String messagePart) {
        HttpJson.Answer a = http.get("accounts?$filter=" + q(filter));
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        assertThat(a.errorMessage()).contains(messagePart);
        if (status == 400) {
            assertThat(a.errorCode()).isEqualTo("0x80060888");
        }
    }
}
