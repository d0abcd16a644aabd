package dev.ferry.emulator.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.emulator.Emulator;
import dev.ferry.emulator.EmulatorOptions;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EntityWriteTest {
    private Emulator emulator;
    private WriteClient client;

    @BeforeEach
    void start() {
        emulator = Emulator.start(EmulatorOptions.defaults());
        client = new WriteClient(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void createKeepsTheClientGivenIdAndAnswersItsUrl() {
        UUID id = UUID.randomUUID();
        HttpResponse<String> r = client.post("accounts", "{\"accountid\":\"" + id + "\",\"name\":\"Contoso\",\"revenue\":12.5}");

        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.headers().firstValue("OData-EntityId")).contains(emulator.baseUrl() + "accounts(" + id + ")");
        assertThat(client.value("account", id, "name")).isEqualTo("Contoso");
        assertThat(client.value("account", id, "revenue")).isEqualTo(new BigDecimal("12.5"));
    }

    @Test
    void createSetsTheSystemColumns() {
        UUID id = client.create("accounts", "{\"name\":\"Contoso\"}");

        assertThat(client.value("account", id, "accountid")).isEqualTo(id);
        assertThat(client.value("account", id, "createdon")).isInstanceOf(Instant.class);
        assertThat(client.value("account", id, "modifiedon")).isEqualTo(client.value("account", id, "createdon"));
        assertThat(client.value("account", id, "versionnumber")).isInstanceOf(Long.class);
        assertThat(client.value("account", id, "statecode")).isEqualTo(0);
        assertThat(client.value("account", id, "statuscode")).isEqualTo(1);
        assertThat(client.value("account", id, "ownerid")).isNull();
    }

    @Test
    void createWithAnIdThatExistsFailsAndKeepsTheRow() {
        UUID id = client.create("accounts", "{\"accountid\":\"" + id0() + "\",\"name\":\"first\"}");

        HttpResponse<String> r = client.post("accounts", "{\"accountid\":\"" + id + "\",\"name\":\"second\"}");

        assertThat(r.statusCode()).isEqualTo(412);
        assertThat(WriteClient.error(r).get("code").asText()).isEqualTo("0x80040237");
        assertThat(client.value("account", id, "name")).isEqualTo("first");
    }

    @Test
    void patchUpdatesOnlyTheGivenColumnsAndBumpsTheVersion() {
        UUID id = client.create("accounts", "{\"name\":\"before\",\"telephone1\":\"555\"}");
        Object created = client.value("account", id, "createdon");
        long version = (Long) client.value("account", id, "versionnumber");

        HttpResponse<String> r = client.patch("accounts(" + id + ")", "{\"name\":\"after\"}");

        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.headers().firstValue("OData-EntityId")).contains(emulator.baseUrl() + "accounts(" + id + ")");
        assertThat(client.value("account", id, "name")).isEqualTo("after");
        assertThat(client.value("account", id, "telephone1")).isEqualTo("555");
        assertThat(client.value("account", id, "createdon")).isEqualTo(created);
        assertThat((Long) client.value("account", id, "versionnumber")).isGreaterThan(version);
    }

    @Test
    void patchCreatesTheRowWithTheUrlIdWhenItIsMissing() {
        UUID id = UUID.randomUUID();

        HttpResponse<String> r = client.patch("accounts(" + id + ")", "{\"name\":\"upserted\"}");

        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(client.value("account", id, "name")).isEqualTo("upserted");
        assertThat(client.value("account", id, "createdon")).isNotNull();
    }

    @Test
    void ifMatchStarUpdatesButNeverCreates() {
        UUID missing = UUID.randomUUID();
        HttpResponse<String> r = client.patch("accounts(" + missing + ")", "{\"name\":\"x\"}", "If-Match", "*");

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(WriteClient.error(r).get("code").asText()).isEqualTo("0x80040217");
        assertThat(WriteClient.error(r).get("message").asText())
                .isEqualTo("Entity 'account' With Id = " + missing + " Does Not Exist");
        assertThat(client.count("account")).isZero();

        UUID id = client.create("accounts", "{\"name\":\"x\"}");
        assertThat(client.patch("accounts(" + id + ")", "{\"name\":\"y\"}", "If-Match", "*").statusCode())
                .isEqualTo(204);
        assertThat(client.value("account", id, "name")).isEqualTo("y");
    }

    @Test
    void ifNoneMatchStarCreatesButNeverUpdates() {
        UUID id = client.create("accounts", "{\"name\":\"original\"}");

        HttpResponse<String> r = client.patch("accounts(" + id + ")", "{\"name\":\"changed\"}", "If-None-Match", "*");

        assertThat(r.statusCode()).isEqualTo(412);
        assertThat(WriteClient.error(r).get("message").asText()).isEqualTo("A record with matching key values already exists.");
        assertThat(client.value("account", id, "name")).isEqualTo("original");

        UUID fresh = UUID.randomUUID();
        assertThat(client.patch("accounts(" + fresh + ")", "{\"name\":\"new\"}", "If-None-Match", "*").statusCode())
                .isEqualTo(204);
        assertThat(client.value("account", fresh, "name")).isEqualTo("new");
    }

    @Test
    void ifMatchWithAStaleVersionIsRefused() {
        UUID id = client.create("accounts", "{\"name\":\"v1\"}");
        String current = "W/\"" + client.value("account", id, "versionnumber") + "\"";
        assertThat(client.patch("accounts(" + id + ")", "{\"name\":\"v2\"}", "If-Match", current).statusCode())
                .isEqualTo(204);

        HttpResponse<String> stale = client.patch("accounts(" + id + ")", "{\"name\":\"v3\"}", "If-Match", current);

        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(WriteClient.error(stale).get("code").asText()).isEqualTo("0x80060882");
        assertThat(client.value("account", id, "name")).isEqualTo("v2");
    }

    @Test
    void patchByAlternateKeyCreatesWithTheKeyThenUpdatesTheSameRow() {
        HttpResponse<String> created = client.patch("accounts(accountnumber='A-1')", "{\"name\":\"keyed\"}");
        assertThat(created.statusCode()).isEqualTo(204);
        UUID id = WriteClient.idOf(created);
        assertThat(client.value("account", id, "accountnumber")).isEqualTo("A-1");

        HttpResponse<String> updated = client.patch("accounts(accountnumber='A-1')", "{\"name\":\"renamed\"}");

        assertThat(WriteClient.idOf(updated)).isEqualTo(id);
        assertThat(client.count("account")).isEqualTo(1);
        assertThat(client.value("account", id, "name")).isEqualTo("renamed");
    }

    @Test
    void alternateKeyValuesMustStayUnique() {
        client.create("accounts", "{\"name\":\"one\",\"accountnumber\":\"A-1\"}");

        HttpResponse<String> r = client.post("accounts", "{\"name\":\"two\",\"accountnumber\":\"A-1\"}");

        assertThat(r.statusCode()).isEqualTo(412);
        assertThat(WriteClient.error(r).get("code").asText()).isEqualTo("0x80060892");
        assertThat(client.count("account")).isEqualTo(1);
    }

    @Test
    void deleteRemovesTheRowAndAnswers404WhenItIsGone() {
        UUID id = client.create("accounts", "{\"name\":\"doomed\"}");

        assertThat(client.delete("accounts(" + id + ")").statusCode()).isEqualTo(204);
        assertThat(client.row("account", id)).isEmpty();

        HttpResponse<String> again = client.delete("accounts(" + id + ")");
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(WriteClient.error(again).get("message").asText())
                .isEqualTo("Entity 'account' With Id = " + id + " Does Not Exist");
    }

    @Test
    void tooLongStringIsRefusedAndNothingIsWritten() {
        HttpResponse<String> r = client.post("accounts", "{\"name\":\"x\",\"accountnumber\":\"" + "9".repeat(21) + "\"}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(WriteClient.error(r).get("code").asText()).isEqualTo("0x80044331");
        assertThat(client.count("account")).isZero();
    }

    @Test
    void valueOfTheWrongTypeIsRefused() {
        HttpResponse<String> r = client.post("accounts", "{\"name\":\"x\",\"numberofemployees\":\"many\"}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(WriteClient.error(r).get("code").asText()).isEqualTo("0x80048d19");
        assertThat(WriteClient.error(r).get("message").asText()).contains("numberofemployees");
        assertThat(client.count("account")).isZero();
    }

    @Test
    void unknownPropertyIsRefusedWithDataversesMessage() {
        HttpResponse<String> r = client.post("accounts", "{\"name\":\"x\",\"nosuchcolumn\":1}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(WriteClient.error(r).get("code").asText()).isEqualTo("0x80048d19");
        assertThat(WriteClient.error(r).get("message").asText()).isEqualTo("The property 'nosuchcolumn' does not exist"
                + " on type 'Microsoft.Dynamics.CRM.account'. Make sure to only use property names that are defined"
                + " by the type.");
        assertThat(client.count("account")).isZero();
    }

    @Test
    void readOnlyColumnsAreRefusedByName() {
        for (String column : new String[] {"\"createdon\":\"2020-01-01T00:00:00Z\"", "\"modifiedon\":\"2020-01-01T00:00:00Z\"",
                "\"versionnumber\":5", "\"exchangerate\":1.5"}) {
            HttpResponse<String> r = client.post("accounts", "{\"name\":\"x\"," + column + "}");

            assertThat(r.statusCode()).as(column).isEqualTo(400);
            String name = column.substring(1, column.indexOf('"', 1));
            assertThat(WriteClient.error(r).get("message").asText()).contains("'" + name + "'").contains("not valid for create");
        }
        assertThat(client.count("account")).isZero();
    }

    @Test
    void primaryIdCannotBeChangedByAnUpdate() {
        UUID id = client.create("accounts", "{\"name\":\"x\"}");

        HttpResponse<String> r = client.patch("accounts(" + id + ")", "{\"accountid\":\"" + UUID.randomUUID() + "\"}");

        assertThat(r.statusCode()).isEqualTo(400);
    }

    @Test
    void optionValueOutsideTheOptionSetIsRefused() {
        HttpResponse<String> r = client.post("accounts", "{\"name\":\"x\",\"industrycode\":999}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(WriteClient.error(r).get("code").asText()).isEqualTo("0x80044330");
    }

    @Test
    void fullNameIsComputedFromFirstAndLastNameAndCannotBeWritten() {
        UUID id = client.create("contacts", "{\"firstname\":\"Ada\",\"lastname\":\"Lovelace\"}");
        assertThat(client.value("contact", id, "fullname")).isEqualTo("Ada Lovelace");

        client.patch("contacts(" + id + ")", "{\"lastname\":\"Byron\"}");
        assertThat(client.value("contact", id, "fullname")).isEqualTo("Ada Byron");

        HttpResponse<String> r = client.patch("contacts(" + id + ")", "{\"fullname\":\"Someone Else\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(WriteClient.error(r).get("message").asText()).contains("'fullname'");
        assertThat(client.value("contact", id, "fullname")).isEqualTo("Ada Byron");
    }

    @Test
    void systemRequiredColumnsAreEnforcedButApplicationRequiredAreNot() {
        HttpResponse<String> missing = client.post("systemusers", "{\"firstname\":\"No\",\"lastname\":\"Domain\"}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(WriteClient.error(missing).get("message").asText()).contains("domainname");

        // lastname is ApplicationRequired: Dataverse does not enforce it at the API.
        UUID id = client.create("systemusers", "{\"domainname\":\"ada@contoso.com\"}");
        assertThat(client.value("systemuser", id, "domainname")).isEqualTo("ada@contoso.com");

        HttpResponse<String> cleared = client.patch("systemusers(" + id + ")", "{\"domainname\":null}");
        assertThat(cleared.statusCode()).isEqualTo(400);
        assertThat(client.value("systemuser", id, "domainname")).isEqualTo("ada@contoso.com");
    }

    @Test
    void odataTypeMustNameTheEntitySetsType() {
        assertThat(client.post("accounts", "{\"@odata.type\":\"Microsoft.Dynamics.CRM.account\",\"name\":\"ok\"}")
                .statusCode()).isEqualTo(204);

        HttpResponse<String> r = client.post("accounts", "{\"@odata.type\":\"Microsoft.Dynamics.CRM.contact\",\"name\":\"x\"}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(client.count("account")).isEqualTo(1);
    }

    @Test
    void singlePropertyCanBeSetWithPutAndClearedWithDelete() {
        UUID id = client.create("accounts", "{\"name\":\"x\",\"telephone1\":\"1\"}");

        assertThat(client.put("accounts(" + id + ")/telephone1", "{\"value\":\"2\"}").statusCode()).isEqualTo(204);
        assertThat(client.value("account", id, "telephone1")).isEqualTo("2");

        assertThat(client.delete("accounts(" + id + ")/telephone1").statusCode()).isEqualTo(204);
        assertThat(client.value("account", id, "telephone1")).isNull();
    }

    @Test
    void invalidJsonIsABadRequest() {
        HttpResponse<String> r = client.post("accounts", "{\"name\":");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(client.count("account")).isZero();
    }

    @Test
    void returnRepresentationAnswersTheCreatedRecord() throws Exception {
        HttpResponse<String> r = client.post("accounts?$select=name", "{\"name\":\"Shown\"}",
                "Prefer", "return=representation");

        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.headers().firstValue("Preference-Applied")).contains("return=representation");
        assertThat(r.headers().firstValue("OData-EntityId")).isEmpty();
        com.fasterxml.jackson.databind.JsonNode body = WriteClient.JSON.readTree(r.body());
        assertThat(body.get("@odata.context").asText()).isEqualTo(emulator.baseUrl() + "$metadata#accounts(name)/$entity");
        assertThat(body.get("name").asText()).isEqualTo("Shown");
        UUID id = UUID.fromString(body.get("accountid").asText());
        assertThat(body.get("@odata.etag").asText()).isEqualTo("W/\"" + client.value("account", id, "versionnumber") + "\"");
    }

    @Test
    void returnRepresentationOfAnUpdateIs200() throws Exception {
        UUID id = client.create("accounts", "{\"name\":\"before\"}");

        HttpResponse<String> r = client.patch("accounts(" + id + ")", "{\"name\":\"after\"}", "Prefer", "return=representation");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(WriteClient.JSON.readTree(r.body()).get("name").asText()).isEqualTo("after");
    }

    private static UUID id0() {
        return UUID.fromString("00000000-0000-0000-0000-000000000001");
    }
}
