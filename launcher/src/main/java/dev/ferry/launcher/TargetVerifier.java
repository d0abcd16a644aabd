package dev.ferry.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Verifies that a target emulator holds what the source holds: for each table, the admin exports of both
 * ({@code GET <admin>/tables/<logicalName>/export}) compared line by line as they stream in, and likewise
 * for each many-to-many relationship ({@code GET <admin>/associations/<schemaName>/export}).
 */
final class TargetVerifier {
    /** How an association's result is named in a report, after the relationship's schema name. */
    static final String ASSOCIATION_SUFFIX = " (N:N)";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    /** An export of a million rows streams in well under a minute. */
    private static final Duration EXPORT_TIMEOUT = Duration.ofMinutes(5);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT).build();
    private final String sourceAdmin;
    private final String targetAdmin;

    /** {@code sourceAdmin} and {@code targetAdmin}: the emulators' admin roots, e.g. {@code http://127.0.0.1:5551/_emulator/}. */
    TargetVerifier(String sourceAdmin, String targetAdmin) {
        this.sourceAdmin = sourceAdmin.endsWith("/") ? sourceAdmin : sourceAdmin + "/";
        this.targetAdmin = targetAdmin.endsWith("/") ? targetAdmin : targetAdmin + "/";
    }

    /** One table's verification. */
    record TableResult(String logicalName, ExportComparator.Comparison comparison) {
    }

    List<TableResult> verify(List<String> logicalNames) {
        List<TableResult> results = new ArrayList<>();
        for (String table : logicalNames) {
            results.add(new TableResult(table, compare(table)));
        }
        return results;
    }

    /** The associations of each many-to-many relationship (schema name), named {@code <schemaName> (N:N)}. */
    List<TableResult> verifyAssociations(List<String> relationships) {
        List<TableResult> results = new ArrayList<>();
        for (String relationship : relationships) {
            results.add(new TableResult(relationship + ASSOCIATION_SUFFIX, compareExports("associations/" + relationship,
                    relationship)));
        }
        return results;
    }

    ExportComparator.Comparison compare(String logicalName) {
        return compareExports("tables/" + logicalName, logicalName);
    }

    private ExportComparator.Comparison compareExports(String resource, String name) {
        try (BufferedReader source = export(sourceAdmin, resource, name);
             BufferedReader target = export(targetAdmin, resource, name)) {
            return ExportComparator.compare(source, target);
        } catch (IOException e) {
            throw LauncherException.failed("Reading the exports of " + name + " failed (" + e
                    + "): check that both emulators run (./ferry status) and their logs in .ferry/logs/.", e);
        }
    }

    private BufferedReader export(String admin, String resource, String logicalName) throws IOException {
        URI uri = URI.create(admin + resource + "/export");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(EXPORT_TIMEOUT).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (ConnectException e) {
            throw LauncherException.failed("No emulator at " + admin + " to export " + logicalName
                    + " from: is the stack running (./ferry up)?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LauncherException.failed("Interrupted while exporting " + logicalName + " from " + admin + ".");
        }
        if (response.statusCode() != 200) {
            String body;
            try (InputStream in = response.body()) {
                body = new String(in.readNBytes(500), StandardCharsets.UTF_8);
            }
            throw LauncherException.failed("GET " + uri + " answered HTTP " + response.statusCode() + ": " + body.strip()
                    + ". Is it a Ferry emulator with the crm schema?");
        }
        return new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
    }
}
