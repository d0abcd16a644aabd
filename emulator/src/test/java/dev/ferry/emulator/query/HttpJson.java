package dev.ferry.emulator.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A Web API client for tests: GETs with headers, answers parsed as JSON. */
final class HttpJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private final String baseUrl;

    HttpJson(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** One answer: status, headers and body (parsed when it is JSON). */
    record Answer(int status, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return MAPPER.readTree(raw.body());
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + raw.body(), e);
            }
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        String body() {
            return raw.body();
        }

        /** The error message of a Dataverse error body. */
        String errorMessage() {
            return json().path("error").path("message").asText();
        }

        String errorCode() {
            return json().path("error").path("code").asText();
        }

        /** The primary ids of the rows in {@code value}. */
        List<UUID> ids(String idProperty) {
            List<UUID> ids = new ArrayList<>();
            json().path("value").forEach(v -> ids.add(UUID.fromString(v.path(idProperty).asText())));
            return ids;
        }
    }

    /** GET of a path below the service root; {@code pathAndQuery} is sent as written (encode with {@link #q}). */
    Answer get(String pathAndQuery, String... headers) {
        return getAbsolute(baseUrl + pathAndQuery, headers);
    }

    Answer getAbsolute(String url, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET()
                .header("Accept", "application/json").header("OData-Version", "4.0");
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Encodes a query option value. */
    static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
