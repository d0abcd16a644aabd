package dev.ferry.emulator.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.emulator.Emulator;
import dev.ferry.emulator.EmulatorOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SingleRowTest {
    private static final UUID MISSING = UUID.fromString("5b4ced1c-88e1-ee11-904c-6045bd05e9d4");
    private Emulator emulator;
    private HttpJson http;
    private UUID parent;
    private UUID child;

    @BeforeAll
    void start() {
        emulator = Emulator.start(EmulatorOptions.defaults());
        http = new HttpJson(emulator.baseUrl());
        TestRows rows = new TestRows(emulator, 4);
        parent = rows.row("account").set("name", "Parent Co").set("accountnumber", "A-1").insert();
        child = rows.row("account").set("name", "Child's Shop").set("accountnumber", "O'Brien 7")
                .set("address1_city", "Redmond").lookup("parentaccountid", "account", parent).insert();
    }

    @AfterAll
    void stop() {
        emulator.close();
    }

    @Test
    void rowByIdWithSelectHasTheEntityContextAndAnEtag() {
        HttpJson.Answer a = http.get("accounts(" + child + ")?$select=name,address1_city");
        assertThat(a.status()).isEqualTo(200);
        JsonNode body = a.json();
        assertThat(body.path("@odata.context").asText())
                .isEqualTo(emulator.baseUrl() + "$metadata#accounts(name,address1_city)/$entity");
        List<String> fields = new ArrayList<>();
        body.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("@odata.context", "@odata.etag", "name", "address1_city", "accountid");
        assertThat(body.path("name").asText()).isEqualTo("Child's Shop");
        assertThat(a.header("ETag")).isEqualTo(body.path("@odata.etag").asText()).startsWith("W/\"");
    }

    @Test
    void rowByIdWithoutSelectHasEveryColumn() {
        JsonNode body = http.get("accounts(" + child + ")").json();
        assertThat(body.path("@odata.context").asText()).isEqualTo(emulator.baseUrl() + "$metadata#accounts/$entity");
        assertThat(body.path("_parentaccountid_value").asText()).isEqualTo(parent.toString());
        assertThat(http.get("accounts(accountid=" + child + ")?$select=name").json().path("name").asText())
                .isEqualTo("Child's Shop");
    }

    @Test
    void rowByAlternateKey() {
        assertThat(http.get("accounts(accountnumber='A-1')?$select=name").json().path("name").asText())
                .isEqualTo("Parent Co");
        assertThat(http.get("accounts(accountnumber='O''Brien%207')?$select=name").json().path("name").asText())
                .isEqualTo("Child's Shop");
    }

    @Test
    void aKeyThatIsNotAnAlternateKeyIsRefused() {
        HttpJson.Answer a = http.get("accounts(name='Parent%20Co')");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.errorMessage()).contains("(name) is not the primary key or an alternate key of entity 'account'")
                .contains("accountnumber_key (accountnumber)");
    }

    @Test
    void missingRowsAnswerDataverses404() {
        HttpJson.Answer byId = http.get("accounts(" + MISSING + ")");
        assertThat(byId.status()).isEqualTo(404);
        assertThat(byId.errorCode()).isEqualTo("0x80040217");
        assertThat(byId.errorMessage()).isEqualTo("Entity 'account' With Id = " + MISSING + " Does Not Exist");
        HttpJson.Answer byKey = http.get("accounts(accountnumber='nope')");
        assertThat(byKey.status()).isEqualTo(404);
        assertThat(byKey.errorCode()).isEqualTo("0x80040217");
        assertThat(byKey.errorMessage()).isEqualTo("A record with the specified key values does not exist in account entity");
        assertThat(http.get("accounts(not-a-guid)").status()).isEqualTo(400);
    }

    @Test
    void anUnchangedRowAnswersNotModified() {
        String etag = http.get("accounts(" + parent + ")").header("ETag");
        HttpJson.Answer a = http.get("accounts(" + parent + ")", "If-None-Match", etag);
        assertThat(a.status()).isEqualTo(304);
        assertThat(http.get("accounts(" + parent + ")", "If-None-Match", "W/\"1\"").status()).isEqualTo(200);
    }

    @Test
    void collectionOptionsOnASingleRowAreRefused() {
        HttpJson.Answer a = http.get("accounts(" + parent + ")?$top=1");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.errorMessage()).contains("'$top' applies to collections");
    }

    @Test
    void singlePropertiesAndTheirRawValues() {
        JsonNode body = http.get("accounts(" + child + ")/name").json();
        assertThat(body.path("@odata.context").asText())
                .isEqualTo(emulator.baseUrl() + "$metadata#accounts(" + child + ")/name");
        assertThat(body.path("value").asText()).isEqualTo("Child's Shop");
        HttpJson.Answer raw = http.get("accounts(" + child + ")/_parentaccountid_value/$value");
        assertThat(raw.body()).isEqualTo(parent.toString());
        assertThat(http.get("accounts(" + child + ")/telephone1").status()).isEqualTo(204);
    }

    @Test
    void singleValuedNavigationReturnsTheReferencedRowOrItsReference() {
        HttpJson.Answer a = http.get("accounts(" + child + ")/parentaccountid?$select=name");
        assertThat(a.json().path("name").asText()).isEqualTo("Parent Co");
        assertThat(a.json().path("@odata.context").asText()).isEqualTo(emulator.baseUrl() + "$metadata#accounts(name)/$entity");
        JsonNode ref = http.get("accounts(" + child + ")/parentaccountid/$ref").json();
        assertThat(ref.path("@odata.id").asText()).isEqualTo(emulator.baseUrl() + "accounts(" + parent + ")");
        assertThat(http.get("accounts(" + parent + ")/parentaccountid").status()).isEqualTo(204);
    }

    @Test
    void anUnknownPropertyOrNavigationIsRefusedLikeDataverse() {
        HttpJson.Answer a = http.get("accounts(" + parent + ")/nosuchnav");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.errorMessage()).isEqualTo("Could not find a property named 'nosuchnav' on type 'Microsoft.Dynamics.CRM.account'.");
    }
}
