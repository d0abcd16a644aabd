package dev.ferry.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The admin endpoints ({@code /_emulator/}) of an emulator process: exports, write log, reset. */
final class EmulatorAdmin {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SERVICE_ROOT_PATH = "/api/data/v9.2/";

    private final HttpClient http;
    private final String serviceRoot;
    private final String admin;

    EmulatorAdmin(HttpClient http, String serviceRoot) {
        this.http = http;
        this.serviceRoot = serviceRoot;
        this.admin = serviceRoot.substring(0, serviceRoot.length() - SERVICE_ROOT_PATH.length()) + "/_emulator/";
    }

    /** The OData service root, e.g. {@code http://127.0.0.1:P/api/data/v9.2/}. */
    String serviceRoot() {
        return serviceRoot;
    }

    /** Every row of a table (logical name), in the canonical export form, ordered by id. */
    List<JsonNode> export(String table) throws IOException, InterruptedException {
        return jsonLines(send(HttpRequest.newBuilder(URI.create(admin + "tables/" + table + "/export")).GET()));
    }

    /** Every pair of a many-to-many relationship (schema name), e.g. {@code {"accountid":…,"leadid":…}}, ordered. */
    List<JsonNode> associationExport(String relationship) throws IOException, InterruptedException {
        return jsonLines(send(HttpRequest.newBuilder(URI.create(admin + "associations/" + relationship + "/export"))
                .GET()));
    }

    /** Rows per table and pairs per many-to-many relationship: {@code {"tables":{…},"associations":{…}}}. */
    JsonNode tables() throws IOException, InterruptedException {
        return JSON.readTree(send(HttpRequest.newBuilder(URI.create(admin + "tables")).GET()));
    }

    private static List<JsonNode> jsonLines(String body) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isBlank()) {
                rows.add(JSON.readTree(line));
            }
        }
        return rows;
    }

    /** The write log: first and last write and rows written per table. */
    JsonNode writes() throws IOException, InterruptedException {
        return JSON.readTree(send(HttpRequest.newBuilder(URI.create(admin + "writes")).GET()));
    }

    /** Empties every table and the write log. */
    void reset() throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(URI.create(admin + "reset?counters=true"))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private String send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException(answer.request().method() + " " + answer.uri() + " answered "
                    + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }
}
