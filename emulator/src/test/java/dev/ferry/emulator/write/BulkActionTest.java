package dev.ferry.emulator.write;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.emulator.Emulator;
import dev.ferry.emulator.EmulatorOptions;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BulkActionTest {
    private static final String ACCOUNT_TYPE = "Microsoft.Dynamics.CRM.account";
    private static final int ROWS = 1000;
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

    /** {"Targets": [...]} with {@code count} account items filled in by {@code fill}. */
    static String targets(int count, BiConsumer<Integer, ObjectNode> fill) {
        ObjectNode body = WriteClient.JSON.createObjectNode();
        ArrayNode targets = body.putArray("Targets");
        for (int i = 0; i < count; i++) {
            ObjectNode item = targets.addObject();
            item.put("@odata.type", ACCOUNT_TYPE);
            fill.accept(i, item);
        }
        return body.toString();
    }

    @Test
    void upsertMultipleCreatesAThousandRowsThenUpdatesThem() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            ids.add(UUID.randomUUID());
        }

        HttpResponse<String> created = client.post("accounts/Microsoft.Dynamics.CRM.UpsertMultiple",
                targets(ROWS, (i, item) -> item.put("accountid", ids.get(i).toString()).put("name", "v1-" + i)));

        assertThat(created.statusCode()).isEqualTo(204);
        assertThat(client.count("account")).isEqualTo(ROWS);
        long version = (Long) client.value("account", ids.get(7), "versionnumber");

        HttpResponse<String> updated = client.post("accounts/Microsoft.Dynamics.CRM.UpsertMultiple",
                targets(ROWS, (i, item) -> item.put("accountid", ids.get(i).toString()).put("name", "v2-" + i)));

        assertThat(updated.statusCode()).isEqualTo(204);
        assertThat(client.count("account")).isEqualTo(ROWS);
        assertThat(client.value("account", ids.get(7), "name")).isEqualTo("v2-7");
        assertThat(client.value("account", ids.get(999), "name")).isEqualTo("v2-999");
        assertThat((Long) client.value("account", ids.get(7), "versionnumber")).isGreaterThan(version);
        assertThat(emulator.counters().recordsWritten()).isEqualTo(2L * ROWS);
    }

    @Test
    void upsertMultipleFindsRowsByAlternateKeyInODataId() {
        String first = targets(2, (i, item) -> item.put("@odata.id", "accounts(accountnumber='K-" + i + "')")
                .put("name", "first-" + i));
        assertThat(client.post("accounts/Microsoft.Dynamics.CRM.UpsertMultiple", first).statusCode()).isEqualTo(204);

        String second = targets(2, (i, item) -> item.put("@odata.id", "accounts(accountnumber='K-" + i + "')")
                .put("name", "second-" + i));
        assertThat(client.post("accounts/Microsoft.Dynamics.CRM.UpsertMultiple", second).statusCode()).isEqualTo(204);

        assertThat(client.count("account")).isEqualTo(2);
        assertThat(emulator.store().table("account").rows()).extracting(r -> r.get(indexOf("name")))
                .containsExactlyInAnyOrder("second-0", "second-1");
    }

    @Test
    void upsertMultipleWithOneBadRecordWritesNothingAndNamesIt() {
        String body = targets(ROWS, (i, item) -> item.put("accountid", UUID.randomUUID().toString())
                .put("name", "row-" + i).put("accountnumber", i == 500 ? "x".repeat(21) : "N" + i));

        HttpResponse<String> r = client.post("accounts/Microsoft.Dynamics.CRM.UpsertMultiple", body);

        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode error = WriteClient.error(r);
        assertThat(error.get("code").asText()).isEqualTo("0x80044331");
        assertThat(error.get("message").asText()).startsWith("Targets[500] (accountid ").contains("accountnumber");
        assertThat(client.count("account")).isZero();
    }

    @Test
    void createMultipleAnswersTheNewIds() throws Exception {
        UUID given = UUID.randomUUID();

        HttpResponse<String> r = client.post("accounts/Microsoft.Dynamics.CRM.CreateMultiple",
                targets(3, (i, item) -> {
                    item.put("name", "c" + i);
                    if (i == 1) {
                        item.put("accountid", given.toString());
                    }
                }));

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = WriteClient.JSON.readTree(r.body());
        assertThat(body.get("@odata.context").asText())
                .isEqualTo(emulator.baseUrl() + "$metadata#Microsoft.Dynamics.CRM.CreateMultipleResponse");
        assertThat(body.get("Ids")).hasSize(3);
        assertThat(body.get("Ids").get(1).asText()).isEqualTo(given.toString());
        for (JsonNode id : body.get("Ids")) {
            assertThat(client.row("account", UUID.fromString(id.asText()))).isPresent();
        }
    }

    @Test
    void createMultipleOfAnExistingIdWritesNothing() {
        UUID existing = client.create("accounts", "{\"name\":\"there\"}");

        HttpResponse<String> r = client.post("accounts/Microsoft.Dynamics.CRM.CreateMultiple",
                targets(2, (i, item) -> item.put("name", "n" + i).put("accountid",
                        i == 1 ? existing.toString() : UUID.randomUUID().toString())));

        assertThat(r.statusCode()).isEqualTo(412);
        assertThat(WriteClient.error(r).get("message").asText()).startsWith("Targets[1]");
        assertThat(client.count("account")).isEqualTo(1);
    }

    @Test
    void everyItemNeedsTheSetsODataType() {
        String body = "{\"Targets\":[{\"@odata.type\":\"" + ACCOUNT_TYPE + "\",\"name\":\"a\"},{\"name\":\"b\"}]}";

        HttpResponse<String> r = client.post("accounts/Microsoft.Dynamics.CRM.CreateMultiple", body);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(WriteClient.error(r).get("message").asText()).contains("Targets[1]").contains("@odata.type");
        assertThat(client.count("account")).isZero();

        String wrongType = "{\"Targets\":[{\"@odata.type\":\"Microsoft.Dynamics.CRM.contact\",\"name\":\"a\"}]}";
        assertThat(client.post("accounts/Microsoft.Dynamics.CRM.UpsertMultiple", wrongType).statusCode()).isEqualTo(400);
    }

    @Test
    void updateMultipleUpdatesExistingRowsOnly() {
        UUID id = client.create("accounts", "{\"name\":\"old\"}");

        assertThat(client.post("accounts/Microsoft.Dynamics.CRM.UpdateMultiple",
                targets(1, (i, item) -> item.put("accountid", id.toString()).put("name", "new"))).statusCode())
                .isEqualTo(204);
        assertThat(client.value("account", id, "name")).isEqualTo("new");

        assertThat(client.post("accounts/Microsoft.Dynamics.CRM.UpdateMultiple",
                targets(1, (i, item) -> item.put("accountid", UUID.randomUUID().toString()).put("name", "x")))
                .statusCode()).isEqualTo(404);
    }

    @Test
    void otherActionsAreNotImplemented() {
        HttpResponse<String> r = client.post("accounts/Microsoft.Dynamics.CRM.DeleteMultiple", "{\"Targets\":[]}");

        assertThat(r.statusCode()).isEqualTo(501);
        assertThat(WriteClient.error(r).get("message").asText()).contains("DeleteMultiple");
    }

    private int indexOf(String column) {
        return emulator.schema().table("account").orElseThrow().indexOf(column);
    }
}
