package dev.ferry.emulator.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.emulator.Emulator;
import dev.ferry.emulator.store.LookupValue;
import dev.ferry.emulator.store.Row;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.UUID;

/** Sends write requests to an emulator over HTTP, as a client would, and reads its store to check them. */
final class WriteClient {
    static final ObjectMapper JSON = new ObjectMapper();

    private final Emulator emulator;
    private final HttpClient http = HttpClient.newHttpClient();

    WriteClient(Emulator emulator) {
        this.emulator = emulator;
    }

    HttpResponse<String> post(String path, String body, String... headers) {
        return send("POST", path, body, headers);
    }

    HttpResponse<String> patch(String path, String body, String... headers) {
        return send("PATCH", path, body, headers);
    }

    HttpResponse<String> put(String path, String body, String... headers) {
        return send("PUT", path, body, headers);
    }

    HttpResponse<String> delete(String path, String... headers) {
        return send("DELETE", path, null, headers);
    }

    HttpResponse<String> get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    /** Sends a request to a path below the service root; {@code headers} are name/value pairs. */
    HttpResponse<String> send(String method, String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        boolean typed = false;
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
            typed |= headers[i].equalsIgnoreCase("Content-Type");
        }
        if (body != null && !typed) {
            b.header("Content-Type", "application/json");
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates a record and returns its id, taken from the OData-EntityId header. */
    UUID create(String entitySet, String body) {
        HttpResponse<String> r = post(entitySet, body);
        if (r.statusCode() != 204) {
            throw new AssertionError("create in " + entitySet + " answered " + r.statusCode() + ": " + r.body());
        }
        return idOf(r);
    }

    static UUID idOf(HttpResponse<String> r) {
        String url = r.headers().firstValue("OData-EntityId").orElseThrow();
        return UUID.fromString(url.substring(url.lastIndexOf('(') + 1, url.length() - 1));
    }

    Optional<Row> row(String table, UUID id) {
        return emulator.store().table(table).get(id);
    }

    /** The stored value of a column of an existing row. */
    Object value(String table, UUID id, String column) {
        Row row = row(table, id).orElseThrow(() -> new AssertionError("no " + table + " row " + id));
        return row.get(emulator.schema().table(table).orElseThrow().indexOf(column));
    }

    LookupValue lookup(String table, UUID id, String column) {
        return (LookupValue) value(table, id, column);
    }

    int count(String table) {
        return emulator.store().table(table).size();
    }

    static JsonNode error(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body()).get("error");
        } catch (IOException e) {
            throw new AssertionError("not a JSON error body: " + r.body(), e);
        }
    }
}
