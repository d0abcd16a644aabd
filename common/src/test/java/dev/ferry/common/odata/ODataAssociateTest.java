package dev.ferry.common.odata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Many-to-many associations written through the client into an emulated Dataverse, checked against its export. */
@QuarkusTest
@QuarkusTestResource(EmulatorEnvironments.class)
class ODataAssociateTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RELATIONSHIP = "accountleads_association";

    @Inject
    ODataClients clients;

    @ConfigProperty(name = "test.admin.target")
    String targetAdmin;

    @Test
    void associatesEveryPairInOneBatchAndAgainCountsThePairsThatExistAsWritten() {
        ODataClient target = clients.client("target");
        List<String> accounts = create(target, "accounts", ODataWriteTest.accounts(2, "Linked"));
        List<String> leads = create(target, "leads", leads(3));
        List<AssociationItem> items = new ArrayList<>();
        for (String account : accounts) {
            for (String lead : leads) {
                items.add(new AssociationItem(UUID.randomUUID().toString(), account, lead));
            }
        }

        BatchOutcome first = target.associate("accounts", RELATIONSHIP, "leads", items);
        BatchOutcome again = target.associate("accounts", RELATIONSHIP, "leads", items);

        assertThat(first.method()).isEqualTo(WriteMethod.BATCH);
        assertThat(first.atomic()).isFalse();
        assertThat(first.allWritten()).isTrue();
        assertThat(again.allWritten()).as("412 duplicate key counts as written").isTrue();
        assertThat(pairsOf(accounts)).hasSize(6).isEqualTo(pairs(items));
    }

    @Test
    void namesTheAssociationWhoseRelatedRowIsMissingAndWritesTheOthers() {
        ODataClient target = clients.client("target");
        List<String> accounts = create(target, "accounts", ODataWriteTest.accounts(1, "Half linked"));
        List<String> leads = create(target, "leads", leads(2));
        String missingLead = UUID.randomUUID().toString();
        AssociationItem broken = new AssociationItem("broken", accounts.get(0), missingLead);
        List<AssociationItem> items = List.of(new AssociationItem("ok-1", accounts.get(0), leads.get(0)), broken,
                new AssociationItem("ok-2", accounts.get(0), leads.get(1)));

        BatchOutcome outcome = target.associate("accounts", RELATIONSHIP, "leads", items);

        assertThat(outcome.atomic()).isFalse();
        assertThat(outcome.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.recordId()).isEqualTo("broken");
            assertThat(failure.error().retriable()).isFalse();
            assertThat(failure.error().status()).contains(404);
            assertThat(failure.error().getMessage()).contains(missingLead);
        });
        assertThat(pairsOf(accounts)).isEqualTo(pairs(List.of(items.get(0), items.get(2))));
    }

    @Test
    void writesMoreAssociationsThanOneBatchTakes() {
        ODataClient target = clients.client("target");
        List<String> accounts = create(target, "accounts", ODataWriteTest.accounts(1, "Many links"));
        List<String> leads = new ArrayList<>();
        int count = RestODataClient.MAX_ITEMS_PER_REQUEST + 5;
        List<UpsertItem> leadItems = leads(count);
        leads.addAll(create(target, "leads", leadItems.subList(0, RestODataClient.MAX_ITEMS_PER_REQUEST)));
        leads.addAll(create(target, "leads", leadItems.subList(RestODataClient.MAX_ITEMS_PER_REQUEST, count)));
        List<AssociationItem> items = leads.stream()
                .map(lead -> new AssociationItem(UUID.randomUUID().toString(), accounts.get(0), lead)).toList();

        BatchOutcome outcome = target.associate("accounts", RELATIONSHIP, "leads", items);

        assertThat(outcome.allWritten()).isTrue();
        assertThat(pairsOf(accounts)).hasSize(count);
    }

    private static List<String> create(ODataClient target, String entitySet, List<UpsertItem> items) {
        assertThat(target.upsert(entitySet, items).allWritten()).isTrue();
        return items.stream().map(UpsertItem::recordId).toList();
    }

    private static List<UpsertItem> leads(int count) {
        List<UpsertItem> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            items.add(new UpsertItem(UUID.randomUUID().toString(),
                    JsonNodeFactory.instance.objectNode().put("subject", "Lead " + i)));
        }
        return items;
    }

    private static Set<List<String>> pairs(List<AssociationItem> items) {
        Set<List<String>> pairs = new HashSet<>();
        items.forEach(item -> pairs.add(List.of(item.fromId(), item.toId())));
        return pairs;
    }

    /** The target's account–lead pairs of these accounts, from the emulator's association export. */
    private Set<List<String>> pairsOf(List<String> accounts) {
        String admin = targetAdmin.endsWith("/") ? targetAdmin : targetAdmin + "/";
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(admin + "associations/" + RELATIONSHIP + "/export")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            Set<List<String>> pairs = new HashSet<>();
            for (String line : response.body().split("\n")) {
                if (!line.isBlank()) {
                    JsonNode pair = JSON.readTree(line);
                    if (accounts.contains(pair.get("accountid").asText())) {
                        pairs.add(List.of(pair.get("accountid").asText(), pair.get("leadid").asText()));
                    }
                }
            }
            return pairs;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
