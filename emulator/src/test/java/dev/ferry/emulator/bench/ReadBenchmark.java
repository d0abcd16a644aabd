package dev.ferry.emulator.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.ferry.emulator.Emulator;
import dev.ferry.emulator.EmulatorOptions;
import dev.ferry.emulator.schema.Table;
import dev.ferry.emulator.store.LookupValue;
import dev.ferry.emulator.store.Row;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Paged-read throughput over HTTP: every row of the crm account table (every column filled,
 * lookups included) in 5,000-row pages following {@code @odata.nextLink}, the client parsing each
 * page as it reads it. Prints rows/s per pass (the first pass includes JIT warm-up). Target: at
 * least 50,000 rows/s. Not part of the suite (surefire leaves out *Benchmark); run it with
 * {@code ./mvnw -B -o -pl emulator test -Dtest=ReadBenchmark}, or its main method with
 * {@code [rows] [passes]} arguments.
 */
class ReadBenchmark {
    private static final int DEFAULT_ROWS = 100_000;
    private static final int DEFAULT_PASSES = 5;
    private static final int PAGE_SIZE = 5000;
    private static final JsonFactory JSON = new JsonFactory();

    @Test
    void pagesTheAccountTableOverHttp() throws Exception {
        run(DEFAULT_ROWS, DEFAULT_PASSES);
    }

    public static void main(String[] args) throws Exception {
        run(args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_ROWS,
                args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_PASSES);
    }

    static void run(int rows, int passes) throws IOException, InterruptedException {
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults())) {
            fill(emulator, rows);
            HttpClient client = HttpClient.newHttpClient();
            for (int pass = 1; pass <= passes; pass++) {
                long start = System.nanoTime();
                long read = readAll(client, emulator.baseUrl() + "accounts");
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("pass %d: %,d rows in %.2f s = %,.0f rows/s%n", pass, read, seconds, read / seconds);
                if (read != rows) {
                    throw new IllegalStateException("read " + read + " rows, expected " + rows);
                }
            }
        }
    }

    /** Reads every page; returns the number of rows. */
    static long readAll(HttpClient client, String firstUrl) throws IOException, InterruptedException {
        long total = 0;
        String url = firstUrl;
        while (url != null) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).GET()
                    .header("Prefer", "odata.maxpagesize=" + PAGE_SIZE).build();
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("status " + response.statusCode() + " for " + url);
            }
            String next = null;
            try (JsonParser p = JSON.createParser(response.body())) {
                p.nextToken();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    if (field.equals("value")) {
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            p.skipChildren();
                            total++;
                        }
                    } else if (field.equals("@odata.nextLink")) {
                        next = p.getText();
                    } else {
                        p.skipChildren();
                    }
                }
            }
            url = next;
        }
        return total;
    }

    /** Stores {@code n} accounts with every column filled, in one transaction. */
    static void fill(Emulator emulator, int n) {
        Table t = emulator.schema().table("account").orElseThrow();
        Random random = new Random(42);
        UUID owner = new UUID(random.nextLong(), random.nextLong());
        List<Row> rows = new ArrayList<>(n);
        UUID previous = null;
        for (int i = 0; i < n; i++) {
            UUID id = new UUID(random.nextLong(), random.nextLong());
            Object[] v = new Object[t.columnCount()];
            v[t.primaryIdIndex()] = id;
            set(t, v, "name", "Account " + i + " (benchmark)");
            set(t, v, "accountnumber", "AC-" + i);
            set(t, v, "revenue", BigDecimal.valueOf(random.nextInt(10_000_000), 2));
            set(t, v, "creditlimit", BigDecimal.valueOf(random.nextInt(100_000)));
            set(t, v, "creditonhold", random.nextBoolean());
            set(t, v, "numberofemployees", random.nextInt(100_000));
            set(t, v, "telephone1", "+1 425 555 " + (1000 + i % 9000));
            set(t, v, "emailaddress1", "contact" + i + "@example.com");
            set(t, v, "websiteurl", "https://www.example.com/" + i);
            set(t, v, "address1_line1", i + " Main Street");
            set(t, v, "address1_city", "Redmond");
            set(t, v, "address1_postalcode", "98052");
            set(t, v, "address1_country", "United States");
            set(t, v, "address1_latitude", 47.6 + random.nextDouble());
            set(t, v, "address1_longitude", -122.1 + random.nextDouble());
            set(t, v, "description", "A benchmark account with a description of moderate length, number " + i);
            set(t, v, "industrycode", 1 + random.nextInt(7));
            set(t, v, "accountcategorycode", 1 + random.nextInt(2));
            set(t, v, "lastusedincampaign", Instant.ofEpochSecond(1_700_000_000L + i));
            set(t, v, "exchangerate", BigDecimal.ONE);
            set(t, v, "statecode", 0);
            set(t, v, "statuscode", 1);
            if (previous != null) {
                set(t, v, "parentaccountid", new LookupValue("account", previous));
            }
            set(t, v, "ownerid", new LookupValue("systemuser", owner));
            set(t, v, "createdon", Instant.ofEpochSecond(1_690_000_000L + i));
            set(t, v, "modifiedon", Instant.ofEpochSecond(1_695_000_000L + i));
            set(t, v, "versionnumber", emulator.store().nextVersion());
            rows.add(new Row(id, v));
            previous = i % 10 == 0 ? id : previous;
        }
        emulator.store().inTransaction(tx -> {
            rows.forEach(r -> tx.put("account", r));
            return null;
        });
    }

    private static void set(Table t, Object[] values, String column, Object value) {
        int slot = t.indexOf(column);
        if (slot < 0) {
            throw new IllegalArgumentException("account has no column " + column);
        }
        values[slot] = value;
    }
}
