package dev.ferry.emulator.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.emulator.Emulator;
import dev.ferry.emulator.EmulatorOptions;
import dev.ferry.emulator.store.AssociationStore;
import dev.ferry.emulator.store.LookupValue;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ManyToManyTest {
    private static final String NN = "accountleads_association";
    private Emulator emulator;
    private WriteClient client;
    private UUID account;
    private UUID lead;

    @BeforeEach
    void start() {
        emulator = Emulator.start(EmulatorOptions.defaults());
        client = new WriteClient(emulator);
        account = client.create("accounts", "{\"name\":\"a\"}");
        lead = client.create("leads", "{\"subject\":\"l\"}");
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private AssociationStore associations() {
        return emulator.store().associations(NN);
    }

    @Test
    void associatesFromEitherSideInTheRelationshipsTableOrder() {
        HttpResponse<String> r = client.post("accounts(" + account + ")/" + NN + "/$ref",
                "{\"@odata.id\":\"" + emulator.baseUrl() + "leads(" + lead + ")\"}");
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(associations().contains(account, lead)).isTrue();

        UUID otherAccount = client.create("accounts", "{\"name\":\"b\"}");
        assertThat(client.post("leads(" + lead + ")/" + NN + "/$ref", "{\"@odata.id\":\"accounts(" + otherAccount + ")\"}")
                .statusCode()).isEqualTo(204);
        assertThat(associations().contains(otherAccount, lead)).isTrue();
        assertThat(associations().related("lead", lead)).containsExactlyInAnyOrder(account, otherAccount);
    }

    @Test
    void associatingAnExistingPairFailsAsADuplicateKey() {
        String body = "{\"@odata.id\":\"leads(" + lead + ")\"}";
        client.post("accounts(" + account + ")/" + NN + "/$ref", body);

        HttpResponse<String> again = client.post("accounts(" + account + ")/" + NN + "/$ref", body);

        assertThat(again.statusCode()).isEqualTo(412);
        assertThat(WriteClient.error(again).get("code").asText()).isEqualTo("0x80040237");
        assertThat(WriteClient.error(again).get("message").asText()).isEqualTo("Cannot insert duplicate key.");
        assertThat(associations().size()).isEqualTo(1);
    }

    @Test
    void disassociatesByKeyInThePath() {
        client.post("accounts(" + account + ")/" + NN + "/$ref", "{\"@odata.id\":\"leads(" + lead + ")\"}");

        HttpResponse<String> r = client.delete("accounts(" + account + ")/" + NN + "(" + lead + ")/$ref");

        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(associations().contains(account, lead)).isFalse();
    }

    @Test
    void disassociatesByIdQueryOption() {
        client.post("leads(" + lead + ")/" + NN + "/$ref", "{\"@odata.id\":\"accounts(" + account + ")\"}");

        HttpResponse<String> r = client.delete("leads(" + lead + ")/" + NN + "/$ref?$id="
                + emulator.baseUrl() + "accounts(" + account + ")");

        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(associations().size()).isZero();
    }

    @Test
    void associatingWithAMissingRecordIs404() {
        UUID missing = UUID.randomUUID();

        HttpResponse<String> r = client.post("accounts(" + account + ")/" + NN + "/$ref",
                "{\"@odata.id\":\"leads(" + missing + ")\"}");

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(WriteClient.error(r).get("message").asText()).isEqualTo("Entity 'lead' With Id = " + missing + " Does Not Exist");
        assertThat(client.post("accounts(" + missing + ")/" + NN + "/$ref", "{\"@odata.id\":\"leads(" + lead + ")\"}")
                .statusCode()).isEqualTo(404);
        assertThat(associations().size()).isZero();
    }

    @Test
    void unknownNavigationAndWrongTargetAreRefused() {
        HttpResponse<String> unknown = client.post("accounts(" + account + ")/nosuchnav/$ref",
                "{\"@odata.id\":\"leads(" + lead + ")\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(WriteClient.error(unknown).get("message").asText()).contains("nosuchnav");

        UUID contact = client.create("contacts", "{\"lastname\":\"c\"}");
        HttpResponse<String> wrong = client.post("accounts(" + account + ")/" + NN + "/$ref",
                "{\"@odata.id\":\"contacts(" + contact + ")\"}");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(associations().size()).isZero();
    }

    @Test
    void deletingARecordRemovesItsAssociations() {
        client.post("accounts(" + account + ")/" + NN + "/$ref", "{\"@odata.id\":\"leads(" + lead + ")\"}");

        client.delete("leads(" + lead + ")");

        assertThat(associations().size()).isZero();
    }

    @Test
    void oneToManyCollectionRefSetsTheChildsLookup() {
        UUID contact = client.create("contacts", "{\"lastname\":\"c\"}");

        HttpResponse<String> r = client.post("accounts(" + account + ")/contact_customer_accounts/$ref",
                "{\"@odata.id\":\"contacts(" + contact + ")\"}");

        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(client.lookup("contact", contact, "parentcustomerid")).isEqualTo(new LookupValue("account", account));
        assertThat(client.delete("accounts(" + account + ")/contact_customer_accounts(" + contact + ")/$ref").statusCode())
                .isEqualTo(204);
        assertThat(client.value("contact", contact, "parentcustomerid")).isNull();
    }

    @Test
    void collectionBindOnCreateAssociates() {
        UUID created = client.create("accounts",
                "{\"name\":\"n\",\"" + NN + "@odata.bind\":[\"/leads(" + lead + ")\"]}");

        assertThat(associations().contains(created, lead)).isTrue();
    }
}
