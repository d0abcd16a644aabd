package dev.ferry.emulator.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.emulator.Emulator;
import dev.ferry.emulator.EmulatorOptions;
import dev.ferry.emulator.http.ErrorCodes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdminEndpointsTest {

    @Test
    void countsRowsPerTableAndAssociationsPerRelationship() {
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().seed(Map.of("account", 20, "lead", 10)))) {
            JsonNode tables = new AdminClient(emulator).getJson("tables");

            assertThat(tables.path("schema").asText()).isEqualTo("crm");
            assertThat(tables.path("tables").path("account").asInt()).isEqualTo(20);
            assertThat(tables.path("tables").path("lead").asInt()).isEqualTo(10);
            assertThat(tables.path("tables").path("contact").asInt()).isZero();
            assertThat(tables.path("associations").path("accountleads_association").asLong())
                    .isEqualTo(emulator.store().associations("accountleads_association").size()).isPositive();
        }
    }

    @Test
    void healthSaysUpWithTheSchemaAndRowCount() {
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().seed(Map.of("account", 3)))) {
            JsonNode health = new AdminClient(emulator).getJson("health");

            assertThat(health.path("status").asText()).isEqualTo("UP");
            assertThat(health.path("rows").asLong()).isEqualTo(3);
        }
    }

    @Test
    void resetEmptiesTheStoreAndOnRequestTheCounters() {
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().seed(Map.of("account", 5, "lead", 5)))) {
            AdminClient admin = new AdminClient(emulator);
            admin.webApi("$metadata");

            assertThat(admin.post("reset", "").statusCode()).isEqualTo(200);
            assertThat(admin.getJson("tables").path("tables").path("account").asInt()).isZero();
            assertThat(admin.getJson("tables").path("associations").path("accountleads_association").asInt()).isZero();
            assertThat(admin.getJson("writes").path("tables").size()).isZero();
            assertThat(admin.getJson("counters").path("requests").asLong()).isEqualTo(1);

            admin.post("reset?counters=true", "");
            assertThat(admin.getJson("counters").path("requests").asLong()).isZero();
        }
    }

    @Test
    void countsWebApiRequestsByOutcomeUntilReset() {
        EmulatorOptions options = EmulatorOptions.defaults().requestsPerWindow(2).window(Duration.ofMinutes(1));
        try (Emulator emulator = Emulator.start(options)) {
            AdminClient admin = new AdminClient(emulator);
            for (int i = 0; i < 3; i++) {
                admin.webApi("$metadata");
            }

            JsonNode counters = admin.getJson("counters");
            assertThat(counters.path("requests").asLong()).isEqualTo(3);
            assertThat(counters.path("throttled").asLong()).isEqualTo(1);
            assertThat(counters.path("byStatus").path("429").asLong()).isEqualTo(1);
            assertThat(counters.has("failures")).isTrue();
            assertThat(counters.has("connectionResets")).isTrue();
            assertThat(counters.has("recordsWritten")).isTrue();

            assertThat(admin.post("counters/reset", "").statusCode()).isEqualTo(200);
            assertThat(admin.getJson("counters").path("requests").asLong()).isZero();
            assertThat(admin.getJson("counters").path("byStatus").size()).isZero();
        }
    }

    @Test
    void seedsMoreRowsOnRequestAndLogsTheWrites() {
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults())) {
            AdminClient admin = new AdminClient(emulator);
            Instant before = Instant.now().minusSeconds(1);

            HttpResponse<String> seeded = admin.post("seed", "{\"account\":7,\"contact\":4,\"randomSeed\":3}");
            admin.post("seed", "{\"account\":3}");

            assertThat(seeded.statusCode()).isEqualTo(200);
            JsonNode body = AdminClient.read(seeded.body());
            assertThat(body.path("rows").path("account").asInt()).isEqualTo(7);
            assertThat(body.path("totalRows").asLong()).isEqualTo(11);
            assertThat(admin.getJson("tables").path("tables").path("account").asInt()).isEqualTo(10);
            JsonNode accountWrites = admin.getJson("writes").path("tables").path("account");
            assertThat(accountWrites.path("rows").asLong()).isEqualTo(10);
            assertThat(Instant.parse(accountWrites.path("first").asText())).isAfter(before);
            assertThat(Instant.parse(accountWrites.path("last").asText()))
                    .isAfterOrEqualTo(Instant.parse(accountWrites.path("first").asText()));
        }
    }

    @Test
    void theWriteLogTellsWhenATablesRowsWereLastCreatedApartFromLaterUpdates() throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults())) {
            AdminClient admin = new AdminClient(emulator);
            HttpClient http = HttpClient.newHttpClient();
            URI account = URI.create(emulator.baseUrl() + "accounts(6f0d3c52-54c4-4b6f-9a3c-1d2e3f405162)");

            for (String name : List.of("created", "updated", "updated again")) {
                HttpResponse<String> written = http.send(HttpRequest.newBuilder(account)
                        .header("Content-Type", "application/json")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(written.statusCode()).isEqualTo(204);
            }

            JsonNode writes = admin.getJson("writes").path("tables").path("account");
            assertThat(writes.path("rows").asLong()).isEqualTo(3);
            assertThat(writes.path("creates").asLong()).isEqualTo(1);
            Instant lastCreate = Instant.parse(writes.path("lastCreate").asText());
            assertThat(lastCreate).isAfterOrEqualTo(Instant.parse(writes.path("first").asText()))
                    .isBeforeOrEqualTo(Instant.parse(writes.path("last").asText()));
            assertThat(admin.getJson("writes").path("tables").has("contact")).isFalse();
        }
    }

    @Test
    void refusesBadSeedRequestsSayingWhy() {
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults())) {
            AdminClient admin = new AdminClient(emulator);

            assertThat(admin.post("seed", "{\"acount\":5}")).satisfies(r -> {
                assertThat(r.statusCode()).isEqualTo(400);
                assertThat(r.body()).contains("unknown table 'acount'");
            });
            assertThat(admin.post("seed", "{\"account\":\"many\"}").body()).contains("must be a whole number");
            assertThat(admin.post("seed", "{\"account\":-1}").body()).contains("must be 0 or more");
            assertThat(admin.post("seed", "not json").statusCode()).isEqualTo(400);
            assertThat(admin.post("seed", "[1]").body()).contains("must be a JSON object");
        }
    }

    @Test
    void answersUnknownPathsWith404AndWrongMethodsWith405() {
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults())) {
            AdminClient admin = new AdminClient(emulator);

            HttpResponse<String> unknown = admin.get("nothing/here");
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(AdminClient.read(unknown.body()).path("error").path("code").asText())
                    .isEqualTo(ErrorCodes.RESOURCE_NOT_FOUND);
            assertThat(unknown.body()).contains("GET tables");
            assertThat(admin.get("tables/widget/export").statusCode()).isEqualTo(404);
            assertThat(admin.get("associations/nothing/export").statusCode()).isEqualTo(404);
            assertThat(admin.get("reset").statusCode()).isEqualTo(405);
            assertThat(admin.post("tables", "").statusCode()).isEqualTo(405);
            assertThat(admin.get("tables/").statusCode()).isEqualTo(200);
        }
    }
}
