package dev.ferry.emulator.csdl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/** What the csdl tests share: GETs against an emulator and the real metadata fixtures. */
final class CsdlHttp {
    static final String V8_DOCUMENT = "crm2016-v8-DynamicsCRM";
    static final String V91_DOCUMENT = "dataverse-v9.1-base";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CsdlHttp() {
    }

    static HttpResponse<byte[]> get(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json")
                    .header("OData-MaxVersion", "4.0").header("OData-Version", "4.0").GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GETs {@code base + path}, the path's query already encoded or given raw after '?'. */
    static JsonNode getJson(String base, String path, int expectedStatus) {
        HttpResponse<byte[]> r = get(base + encodeQuery(path));
        if (r.statusCode() != expectedStatus) {
            throw new AssertionError("GET " + path + " answered " + r.statusCode() + ": "
                    + new String(r.body(), StandardCharsets.UTF_8));
        }
        try {
            return MAPPER.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Encodes what follows '?' option by option, so tests can write queries as a person would. */
    static String encodeQuery(String path) {
        int q = path.indexOf('?');
        if (q < 0) {
            return path;
        }
        StringBuilder sb = new StringBuilder(path.substring(0, q + 1));
        String[] options = path.substring(q + 1).split("&");
        for (int i = 0; i < options.length; i++) {
            int eq = options[i].indexOf('=');
            sb.append(i == 0 ? "" : "&").append(options[i], 0, eq + 1)
                    .append(URLEncoder.encode(options[i].substring(eq + 1), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return sb.toString();
    }

    /** A real $metadata document from the test resources (stored gzipped). */
    static InputStream fixture(String name) {
        InputStream raw = CsdlHttp.class.getResourceAsStream("/fixtures/" + name + ".xml.gz");
        if (raw == null) {
            throw new IllegalStateException("test resource /fixtures/" + name + ".xml.gz is missing");
        }
        try {
            return new GZIPInputStream(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
