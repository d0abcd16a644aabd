package dev.ferry.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Writers and readers at once over HTTP: no torn rows, no lost writes, no failed pages. */
class ConcurrentAccessTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WRITERS = 4;
    private static final int READERS = 2;
    private static final int ROWS = 2000;
    private static final int BATCH = 250;
    private static final int ROUNDS = 3;

    private static Emulator emulator;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        emulator = Emulator.start(EmulatorOptions.defaults());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void concurrentUpsertsAndPagedReadsNeverSeeTornRowsOrLoseWrites() throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            ids.add(new UUID(0x1000L, i + 1));
        }
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger pagesRead = new AtomicInteger();
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(pool.submit(() -> {
                // Every writer rewrites every row; each write sets name and description to the same token.
                for (int round = 0; round < ROUNDS; round++) {
                    for (int from = 0; from < ROWS; from += BATCH) {
                        upsert(ids.subList(from, Math.min(ROWS, from + BATCH)), "w" + writer + "r" + round);
                    }
                }
                return null;
            }));
        }
        List<Future<?>> readers = new ArrayList<>();
        for (int r = 0; r < READERS; r++) {
            readers.add(pool.submit(() -> {
                while (writing.get()) {
                    readAllPages(pagesRead);
                }
                return null;
            }));
        }
        for (Future<?> f : writers) {
            f.get(2, TimeUnit.MINUTES);
        }
        writing.set(false);
        for (Future<?> f : readers) {
            f.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();

        assertThat(pagesRead.get()).as("pages read while writers ran").isPositive();
        assertThat(emulator.store().table("account").size()).isEqualTo(ROWS);
        int nameSlot = emulator.schema().table("account").orElseThrow().indexOf("name");
        int descriptionSlot = emulator.schema().table("account").orElseThrow().indexOf("description");
        emulator.store().table("account").rows().forEach(row -> {
            assertThat(row.get(nameSlot)).isEqualTo(row.get(descriptionSlot));
            assertThat((String) row.get(nameSlot)).endsWith("r" + (ROUNDS - 1));
        });
    }

    private static void upsert(List<UUID> ids, String token) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode targets = body.putArray("Targets");
        for (UUID id : ids) {
            ObjectNode t = targets.addObject();
            t.put("@odata.type", "Microsoft.Dynamics.CRM.account");
            t.put("accountid", id.toString());
            t.put("name", token);
            t.put("description", token);
        }
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(emulator.baseUrl() + "accounts/Microsoft.Dynamics.CRM.UpsertMultiple"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

    private static void readAllPages(AtomicInteger pagesRead) throws Exception {
        String url = emulator.baseUrl() + "accounts?$select=name,description";
        while (url != null) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Prefer", "odata.maxpagesize=300").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode page = JSON.readTree(response.body());
            for (JsonNode row : page.get("value")) {
                assertThat(row.get("name")).as("row %s", row).isEqualTo(row.get("description"));
            }
            pagesRead.incrementAndGet();
            url = page.hasNonNull("@odata.nextLink") ? page.get("@odata.nextLink").asText() : null;
        }
    }
}
