package dev.ferry.emulator.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ferry.emulator.Emulator;
import dev.ferry.emulator.EmulatorOptions;
import dev.ferry.emulator.json.ValueCodec;
import dev.ferry.emulator.schema.Column;
import dev.ferry.emulator.schema.Table;
import dev.ferry.emulator.store.LookupValue;
import dev.ferry.emulator.store.Row;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Seeded data carried to an empty environment through the Web API, as a migration would (rows
 * first, lookups once every row exists, then the many-to-many links), exports exactly as the
 * source does: the seeded values are all writable and the export shows a faithful copy as equal.
 */
class MigratedExportTest {
    private static final int TARGETS_PER_REQUEST = 100;
    private static final Map<String, Integer> SEED = new LinkedHashMap<>();

    static {
        SEED.put("systemuser", 10);
        SEED.put("team", 3);
        SEED.put("account", 60);
        SEED.put("contact", 90);
        SEED.put("lead", 40);
        SEED.put("opportunity", 30);
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonFactory json = new JsonFactory();

    @Test
    void aTargetMigratedThroughTheWebApiExportsLikeItsSource() {
        try (Emulator source = Emulator.start(EmulatorOptions.defaults().seed(SEED));
                Emulator target = Emulator.start(EmulatorOptions.defaults())) {
            for (boolean withLookups : new boolean[] {false, true}) {
                for (String table : SEED.keySet()) {
                    upsertAll(source, target, source.schema().table(table).orElseThrow(), withLookups);
                }
            }
            source.store().associations("accountleads_association").pairs().forEach(p -> post(target,
                    "accounts(" + p[0] + ")/accountleads_association/$ref",
                    "{\"@odata.id\":\"" + target.baseUrl() + "leads(" + p[1] + ")\"}"));
            AdminClient from = new AdminClient(source);
            AdminClient to = new AdminClient(target);

            for (String table : SEED.keySet()) {
                String exported = from.get("tables/" + table + "/export").body();
                assertThat(exported.lines()).as(table).hasSize(SEED.get(table));
                assertThat(to.get("tables/" + table + "/export").body()).as(table).isEqualTo(exported);
            }
            assertThat(to.get("associations/accountleads_association/export").body())
                    .isEqualTo(from.get("associations/accountleads_association/export").body());
        }
    }

    private void upsertAll(Emulator source, Emulator target, Table table, boolean withLookups) {
        List<Row> rows = List.copyOf(source.store().table(table.logicalName()).rows());
        for (int from = 0; from < rows.size(); from += TARGETS_PER_REQUEST) {
            byte[] body = targets(source, table, rows.subList(from, Math.min(rows.size(), from + TARGETS_PER_REQUEST)),
                    withLookups);
            HttpResponse<String> r = post(target, table.entitySetName() + "/Microsoft.Dynamics.CRM.UpsertMultiple",
                    new String(body, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(r.statusCode()).as(table + ": " + r.body()).isBetween(200, 299);
        }
    }

    private byte[] targets(Emulator source, Table table, List<Row> rows, boolean withLookups) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("Targets");
            for (Row row : rows) {
                g.writeStartObject();
                g.writeStringField("@odata.type", "Microsoft.Dynamics.CRM." + table.logicalName());
                for (Column c : table.columns()) {
                    Object v = row.get(table.indexOf(c));
                    if (!c.validForCreate()) {
                        continue;
                    }
                    if (!c.type().isLookup()) {
                        g.writeFieldName(c.name());
                        ValueCodec.write(g, c, v);
                    } else if (withLookups && v != null) {
                        LookupValue lookup = (LookupValue) v;
                        String nav = table.relationship(c.name(), lookup.table()).orElseThrow().referencingNavigation();
                        String set = source.schema().table(lookup.table()).orElseThrow().entitySetName();
                        g.writeStringField(nav + "@odata.bind", "/" + set + "(" + lookup.id() + ")");
                    }
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private HttpResponse<String> post(Emulator target, String path, String body) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(target.baseUrl() + path))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path + ": " + r.body()).isBetween(200, 299);
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
