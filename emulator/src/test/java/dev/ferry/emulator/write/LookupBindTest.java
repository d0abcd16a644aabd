package dev.ferry.emulator.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.emulator.Emulator;
import dev.ferry.emulator.EmulatorOptions;
import dev.ferry.emulator.store.LookupValue;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LookupBindTest {
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
    void bindsASingleLookupWithEveryReferenceForm() {
        UUID parent = client.create("accounts", "{\"name\":\"parent\",\"accountnumber\":\"P-1\"}");
        String[] forms = {"/accounts(" + parent + ")", "accounts(" + parent + ")",
                emulator.baseUrl() + "accounts(" + parent + ")", "/api/data/v9.2/accounts(" + parent + ")",
                "https://org.crm.dynamics.com/api/data/v9.2/accounts(" + parent + ")",
                "/accounts(accountnumber='P-1')"};

        for (String form : forms) {
            UUID child = client.create("accounts", "{\"name\":\"child\",\"parentaccountid@odata.bind\":\"" + form + "\"}");

            assertThat(client.lookup("account", child, "parentaccountid")).as(form)
                    .isEqualTo(new LookupValue("account", parent));
        }
    }

    @Test
    void bindToAMissingRowFailsLikeDataverseAndWritesNothing() {
        UUID missing = UUID.fromString("5b4ced1c-88e1-ee11-904c-6045bd05e9d4");

        HttpResponse<String> r = client.post("contacts",
                "{\"lastname\":\"x\",\"parentcustomerid_account@odata.bind\":\"/accounts(" + missing + ")\"}");

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(WriteClient.error(r).get("code").asText()).isEqualTo("0x80040217");
        assertThat(WriteClient.error(r).get("message").asText())
                .isEqualTo("Entity 'account' With Id = 5b4ced1c-88e1-ee11-904c-6045bd05e9d4 Does Not Exist");
        assertThat(client.count("contact")).isZero();
    }

    @Test
    void polymorphicCustomerSwitchesTargetAndClearsThePreviousOne() {
        UUID account = client.create("accounts", "{\"name\":\"a\"}");
        UUID other = client.create("contacts", "{\"lastname\":\"other\"}");
        UUID contact = client.create("contacts",
                "{\"lastname\":\"c\",\"parentcustomerid_account@odata.bind\":\"/accounts(" + account + ")\"}");
        assertThat(client.lookup("contact", contact, "parentcustomerid")).isEqualTo(new LookupValue("account", account));

        client.patch("contacts(" + contact + ")", "{\"parentcustomerid_contact@odata.bind\":\"/contacts(" + other + ")\"}");

        assertThat(client.lookup("contact", contact, "parentcustomerid")).isEqualTo(new LookupValue("contact", other));
    }

    @Test
    void twoTargetsOfOneLookupInOnePayloadAreRefused() {
        UUID account = client.create("accounts", "{\"name\":\"a\"}");
        UUID other = client.create("contacts", "{\"lastname\":\"other\"}");

        HttpResponse<String> r = client.post("contacts", "{\"lastname\":\"c\","
                + "\"parentcustomerid_account@odata.bind\":\"/accounts(" + account + ")\","
                + "\"parentcustomerid_contact@odata.bind\":\"/contacts(" + other + ")\"}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(client.count("contact")).isEqualTo(1);
    }

    @Test
    void ownerBindsToAUserOrATeamChosenByTheEntitySet() {
        UUID user = client.create("systemusers", "{\"domainname\":\"ada@contoso.com\",\"lastname\":\"Ada\"}");
        UUID team = client.create("teams", "{\"name\":\"Sales\"}");

        UUID owned = client.create("accounts", "{\"name\":\"a\",\"ownerid@odata.bind\":\"/systemusers(" + user + ")\"}");
        assertThat(client.lookup("account", owned, "ownerid")).isEqualTo(new LookupValue("systemuser", user));

        client.patch("accounts(" + owned + ")", "{\"ownerid@odata.bind\":\"/teams(" + team + ")\"}");
        assertThat(client.lookup("account", owned, "ownerid")).isEqualTo(new LookupValue("team", team));
    }

    @Test
    void bindToAnEntitySetTheLookupDoesNotTargetIsRefused() {
        UUID contact = client.create("contacts", "{\"lastname\":\"c\"}");

        HttpResponse<String> r = client.post("accounts",
                "{\"name\":\"a\",\"parentaccountid@odata.bind\":\"/contacts(" + contact + ")\"}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(WriteClient.error(r).get("message").asText()).contains("parentaccountid").contains("contacts");
        assertThat(client.count("account")).isZero();
    }

    @Test
    void bindThroughAnUndeclaredNavigationIsRefused() {
        HttpResponse<String> r = client.post("accounts", "{\"name\":\"a\",\"nosuchnav@odata.bind\":\"/accounts("
                + UUID.randomUUID() + ")\"}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(WriteClient.error(r).get("message").asText()).contains("nosuchnav");
    }

    @Test
    void writingTheLookupValuePropertyTellsToUseODataBind() {
        HttpResponse<String> r = client.post("contacts",
                "{\"lastname\":\"c\",\"_parentcustomerid_value\":\"" + UUID.randomUUID() + "\"}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(WriteClient.error(r).get("message").asText())
                .contains("parentcustomerid_account@odata.bind").contains("parentcustomerid_contact@odata.bind");
        assertThat(client.count("contact")).isZero();
    }

    @Test
    void lookupIsClearedByANullBindANullNavigationOrDeletingItsRef() {
        UUID parent = client.create("accounts", "{\"name\":\"p\"}");
        String bind = "{\"parentaccountid@odata.bind\":\"/accounts(" + parent + ")\"}";
        UUID child = client.create("accounts", "{\"name\":\"c\",\"parentaccountid@odata.bind\":\"/accounts(" + parent + ")\"}");

        client.patch("accounts(" + child + ")", "{\"parentaccountid@odata.bind\":null}");
        assertThat(client.value("account", child, "parentaccountid")).isNull();

        client.patch("accounts(" + child + ")", bind);
        client.patch("accounts(" + child + ")", "{\"parentaccountid\":null}");
        assertThat(client.value("account", child, "parentaccountid")).isNull();

        client.patch("accounts(" + child + ")", bind);
        assertThat(client.delete("accounts(" + child + ")/parentaccountid/$ref").statusCode()).isEqualTo(204);
        assertThat(client.value("account", child, "parentaccountid")).isNull();
    }

    @Test
    void putOnASingleValuedRefSetsTheLookup() {
        UUID parent = client.create("accounts", "{\"name\":\"p\"}");
        UUID child = client.create("accounts", "{\"name\":\"c\"}");

        HttpResponse<String> r = client.put("accounts(" + child + ")/parentaccountid/$ref",
                "{\"@odata.id\":\"" + emulator.baseUrl() + "accounts(" + parent + ")\"}");

        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(client.lookup("account", child, "parentaccountid")).isEqualTo(new LookupValue("account", parent));
    }

    @Test
    void requiredOwnerCannotBeCleared() {
        UUID team = client.create("teams", "{\"name\":\"Sales\"}");
        UUID owned = client.create("accounts", "{\"name\":\"a\",\"ownerid@odata.bind\":\"/teams(" + team + ")\"}");

        HttpResponse<String> r = client.patch("accounts(" + owned + ")", "{\"ownerid@odata.bind\":null}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(client.lookup("account", owned, "ownerid")).isEqualTo(new LookupValue("team", team));
    }
}
