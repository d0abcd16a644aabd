package dev.ferry.common.odata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** The emulator's admin endpoints, as a test reads them (plain HTTP: the emulator is the oracle). */
final class EmulatorAdmin {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String adminUrl;

    EmulatorAdmin(String adminUrl) {
        this.adminUrl = adminUrl.endsWith("/") ? adminUrl : adminUrl + "/";
    }

    JsonNode counters() {
        return json(get("counters"));
    }

    void resetCounters() {
        send(HttpRequest.newBuilder(URI.create(adminUrl + "counters/reset")).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** The table's rows by primary id, as the emulator exports them. */
    Map<String, ObjectNode> export(String table) {
        Map<String, ObjectNode> rows = new LinkedHashMap<>();
        for (String line : get("tables/" + table + "/export").split("\n")) {
            if (!line.isBlank()) {
                ObjectNode row = (ObjectNode) json(line);
                rows.put(row.path(table + "id").asText(), row);
            }
        }
        return rows;
    }

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String get(String path) {
        return send(HttpRequest.newBuilder(URI.create(adminUrl + path)).GET().build());
    }

    private static String send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
