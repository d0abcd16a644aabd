package dev.ferry.emulator.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.emulator.Emulator;
import dev.ferry.emulator.EmulatorOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * UpsertMultiple throughput over HTTP with latency off: batches of 1,000 accounts, first creating
 * then updating the same rows, from one and from several client threads. Prints rows/s. Run with
 * {@code ./mvnw -o -pl emulator test -Dtest=WriteBenchmark} or as a main class.
 */
class WriteBenchmark {
    private static final int BATCH = 1000;
    private static final int BATCHES = 100;
    private static final int WARMUP_BATCHES = 20;
    private static final int CLIENT_THREADS = 4;
    private static final double NANOS_PER_SECOND = 1e9;
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        new WriteBenchmark().upsertMultipleThroughput();
    }

    @Test
    void upsertMultipleThroughput() throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults())) {
            HttpClient http = HttpClient.newHttpClient();
            URI uri = URI.create(emulator.baseUrl() + "accounts/Microsoft.Dynamics.CRM.UpsertMultiple");
            run(http, uri, bodies(WARMUP_BATCHES, "warmup"));
            run(http, uri, bodies(WARMUP_BATCHES, "warmup"));
            emulator.store().reset();

            List<byte[]> rows = bodies(BATCHES, "v1");
            report("create, 1 client", run(http, uri, rows));
            report("update, 1 client", run(http, uri, rename(rows)));
            emulator.store().reset();
            report("create, " + CLIENT_THREADS + " clients", runParallel(http, uri, rows));
            report("update, " + CLIENT_THREADS + " clients", runParallel(http, uri, rename(rows)));
            assertThat(emulator.store().table("account").size()).isEqualTo(BATCH * BATCHES);
        }
    }

    private static void report(String what, long nanos) {
        double rowsPerSecond = (double) BATCH * BATCHES * NANOS_PER_SECOND / nanos;
        System.out.printf(Locale.ROOT, "UpsertMultiple %-20s %,10.0f rows/s (%d x %d rows in %.2f s)%n", what,
                rowsPerSecond, BATCHES, BATCH, nanos / NANOS_PER_SECOND);
    }

    private static long run(HttpClient http, URI uri, List<byte[]> bodies) throws Exception {
        long start = System.nanoTime();
        for (byte[] body : bodies) {
            send(http, uri, body);
        }
        return System.nanoTime() - start;
    }

    private static long runParallel(HttpClient http, URI uri, List<byte[]> bodies) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENT_THREADS);
        try {
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (byte[] body : bodies) {
                futures.add(pool.submit(() -> {
                    send(http, uri, body);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            return System.nanoTime() - start;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void send(HttpClient http, URI uri, byte[] body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 204) {
            throw new IllegalStateException("UpsertMultiple answered " + r.statusCode() + ": " + r.body());
        }
    }

    /** Request bodies of {@code batches} x 1,000 accounts with typical columns and fixed ids. */
    private static List<byte[]> bodies(int batches, String tag) throws IOException {
        List<byte[]> bodies = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            ObjectNode body = JSON.createObjectNode();
            ArrayNode targets = body.putArray("Targets");
            for (int i = 0; i < BATCH; i++) {
                int n = b * BATCH + i;
                ObjectNode item = targets.addObject();
                item.put("@odata.type", "Microsoft.Dynamics.CRM.account");
                item.put("accountid", new UUID(0x5eedL, n).toString());
                item.put("name", tag + " account " + n);
                item.put("accountnumber", tag.substring(0, 1) + n);
                item.put("revenue", 1000.25 + n);
                item.put("numberofemployees", n % 5000);
                item.put("telephone1", "+1 555 " + n);
                item.put("emailaddress1", "info" + n + "@example.com");
                item.put("address1_city", "Springfield");
                item.put("creditonhold", n % 2 == 0);
                item.put("industrycode", 1 + n % 7);
                item.put("lastusedincampaign", "2024-05-01T10:00:00Z");
            }
            bodies.add(JSON.writeValueAsBytes(body));
        }
        return bodies;
    }

    private static List<byte[]> rename(List<byte[]> bodies) {
        List<byte[]> renamed = new ArrayList<>();
        for (byte[] body : bodies) {
            renamed.add(new String(body, java.nio.charset.StandardCharsets.UTF_8).replace("v1 account", "v2 account")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return renamed;
    }
}
