package dev.ferry.emulator.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.emulator.Emulator;
import dev.ferry.emulator.EmulatorOptions;
import dev.ferry.emulator.store.IntersectRows;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The read-only intersect entity set of a many-to-many relationship, kept in step with its associations. */
class IntersectEntitySetTest {
    private static final String NN = "accountleads_association";
    private static final String SET = "accountleadscollection";
    private static final String KEY = "accountleadid";
    private static final int ACCOUNTS = 120;
    private static final int LEADS = 100;
    private static final int PAGE_SIZE = 5000;

    private final HttpClient http = HttpClient.newHttpClient();
    private Emulator emulator;
    private HttpJson client;

    private void start(EmulatorOptions options) {
        emulator = Emulator.start(options);
        client = new HttpJson(emulator.baseUrl());
    }

    @AfterEach
    void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void associatingThroughRefAddsTheIntersectRowWithBothIds() {
        start(EmulatorOptions.defaults());
        UUID account = create("accounts", "{\"name\":\"a\"}");
        UUID lead = create("leads", "{\"subject\":\"l\"}");

        assertThat(associate(account, lead).statusCode()).isEqualTo(204);

        HttpJson.Answer page = client.get(SET + "?$select=accountid,leadid");
        assertThat(page.status()).isEqualTo(200);
        JsonNode rows = page.json().path("value");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).path("accountid").asText()).isEqualTo(account.toString());
        assertThat(rows.get(0).path("leadid").asText()).isEqualTo(lead.toString());
        UUID id = UUID.fromString(rows.get(0).path(KEY).asText());

        HttpJson.Answer single = client.get(SET + "(" + id + ")");
        assertThat(single.status()).isEqualTo(200);
        assertThat(single.json().path("leadid").asText()).isEqualTo(lead.toString());
        HttpJson.Answer filtered = client.get(SET + "?$filter=" + HttpJson.q("accountid eq " + account) + "&$count=true");
        assertThat(filtered.json().path("@odata.count").asInt()).isEqualTo(1);
    }

    @Test
    void reassociatingGivesTheSameIntersectIdAndDisassociatingRemovesTheRow() {
        start(EmulatorOptions.defaults());
        UUID account = create("accounts", "{\"name\":\"a\"}");
        UUID lead = create("leads", "{\"subject\":\"l\"}");
        associate(account, lead);
        List<UUID> first = client.get(SET).ids(KEY);

        assertThat(send("DELETE", "accounts(" + account + ")/" + NN + "(" + lead + ")/$ref", null).statusCode())
                .isEqualTo(204);
        assertThat(client.get(SET).ids(KEY)).isEmpty();

        associate(account, lead);
        assertThat(client.get(SET).ids(KEY)).isEqualTo(first);
    }

    @Test
    void deletingAnAccountRemovesItsIntersectRows() {
        start(EmulatorOptions.defaults());
        UUID account = create("accounts", "{\"name\":\"a\"}");
        UUID other = create("accounts", "{\"name\":\"b\"}");
        UUID lead = create("leads", "{\"subject\":\"l\"}");
        associate(account, lead);
        associate(other, lead);

        assertThat(send("DELETE", "accounts(" + account + ")", null).statusCode()).isEqualTo(204);

        JsonNode rows = client.get(SET).json().path("value");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).path("accountid").asText()).isEqualTo(other.toString());
    }

    @Test
    void pagesThroughEveryAssociationOnce() {
        start(EmulatorOptions.defaults().seed(Map.of("account", ACCOUNTS, "lead", LEADS)));
        List<UUID> accounts = new ArrayList<>(emulator.store().table("account").rows().stream()
                .map(r -> r.id()).toList());
        List<UUID> leads = emulator.store().table("lead").rows().stream().map(r -> r.id()).toList();
        emulator.store().inTransaction(tx -> {
            accounts.forEach(a -> leads.forEach(l -> tx.associate(NN, a, l)));
            return null;
        });

        Set<String> pairs = new HashSet<>();
        int pages = 0;
        HttpJson.Answer page = client.get(SET + "?$select=accountid,leadid",
                "Prefer", "odata.maxpagesize=" + PAGE_SIZE);
        while (true) {
            pages++;
            for (JsonNode row : page.json().path("value")) {
                assertThat(pairs.add(row.path("accountid").asText() + "|" + row.path("leadid").asText())).isTrue();
            }
            JsonNode next = page.json().path("@odata.nextLink");
            if (next.isMissingNode()) {
                break;
            }
            page = client.getAbsolute(next.asText(), "Prefer", "odata.maxpagesize=" + PAGE_SIZE);
        }
        assertThat(pairs).hasSize(ACCOUNTS * LEADS);
        assertThat(pages).isEqualTo(3);
        assertThat(emulator.store().table("accountleads").size()).isEqualTo(ACCOUNTS * LEADS);
    }

    @Test
    void refusesWritesToTheIntersectSet() {
        start(EmulatorOptions.defaults());
        UUID account = create("accounts", "{\"name\":\"a\"}");
        UUID lead = create("leads", "{\"subject\":\"l\"}");
        associate(account, lead);
        UUID id = IntersectRows.id(emulator.schema().manyToMany(NN).orElseThrow(), account, lead);

        HttpResponse<String> post = send("POST", SET,
                "{\"accountid\":\"" + account + "\",\"leadid\":\"" + lead + "\"}");
        assertThat(post.statusCode()).isEqualTo(400);
        assertThat(post.body()).contains("The 'Create' method does not support entities of type 'accountleads'");
        assertThat(send("PATCH", SET + "(" + id + ")", "{\"leadid\":\"" + lead + "\"}").statusCode()).isEqualTo(400);
        HttpResponse<String> delete = send("DELETE", SET + "(" + id + ")", null);
        assertThat(delete.statusCode()).isEqualTo(400);
        assertThat(delete.body()).contains("'Delete' method");
        assertThat(client.get(SET).ids(KEY)).containsExactly(id);
    }

    @Test
    void metadataDeclaresTheIntersectTypeAndSet() {
        start(EmulatorOptions.defaults());
        String metadata = client.get("$metadata").body();

        assertThat(metadata).contains("<EntityType Name=\"accountleads\"")
                .contains("<PropertyRef Name=\"accountleadid\"")
                .contains("<EntitySet Name=\"accountleadscollection\" EntityType=\"Microsoft.Dynamics.CRM.accountleads\"");
        HttpJson.Answer definition = client.get("EntityDefinitions(LogicalName='accountleads')"
                + "?$select=LogicalName,EntitySetName,PrimaryIdAttribute,IsIntersect");
        assertThat(definition.status()).isEqualTo(200);
        assertThat(definition.json().path("EntitySetName").asText()).isEqualTo(SET);
        assertThat(definition.json().path("PrimaryIdAttribute").asText()).isEqualTo(KEY);
        assertThat(definition.json().path("IsIntersect").asBoolean()).isTrue();
    }

    @Test
    void resetClearsTheIntersectRows() {
        start(EmulatorOptions.defaults());
        associate(create("accounts", "{\"name\":\"a\"}"), create("leads", "{\"subject\":\"l\"}"));

        emulator.store().reset();

        assertThat(client.get(SET).ids(KEY)).isEmpty();
    }

    @Test
    void seedingTheIntersectTableDirectlyIsRefused() {
        assertThatThrownBy(() -> start(EmulatorOptions.defaults().seed(Map.of("accountleads", 5))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("many-to-many intersect table");
    }

    private HttpResponse<String> associate(UUID account, UUID lead) {
        return send("POST", "accounts(" + account + ")/" + NN + "/$ref",
                "{\"@odata.id\":\"" + emulator.baseUrl() + "leads(" + lead + ")\"}");
    }

    private UUID create(String set, String body) {
        HttpResponse<String> r = send("POST", set, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
        String location = r.headers().firstValue("OData-EntityId").orElseThrow();
        return UUID.fromString(location.substring(location.lastIndexOf('(') + 1, location.lastIndexOf(')')));
    }

    private HttpResponse<String> send(String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path))
                .header("Accept", "application/json").header("OData-Version", "4.0")
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
