package dev.ferry.extractor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/** The source emulator's own export of a table (its admin endpoint): what the extractor must have produced. */
final class SourceExport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SourceExport() {
    }

    /** Every row of the table, one JSON object each, in id order. */
    static List<JsonNode> rows(String logicalName) throws Exception {
        String serviceRoot = ConfigProvider.getConfig()
                .getValue("ferry.environments." + SourceEmulatorResource.ENVIRONMENT + ".url", String.class);
        URI admin = URI.create(serviceRoot).resolve("/_emulator/tables/" + logicalName + "/export");
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(admin).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Export of " + logicalName + " answered " + response.statusCode());
        }
        return response.body().lines().filter(line -> !line.isBlank()).map(SourceExport::parse).toList();
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new IllegalStateException("Not JSON: " + line, e);
        }
    }
}
