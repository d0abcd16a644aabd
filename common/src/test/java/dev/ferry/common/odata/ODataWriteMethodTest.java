package dev.ferry.common.odata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ferry.common.odata.BatchOutcome.ItemFailure;
import dev.ferry.common.odata.FerryEnvironmentsConfig.AuthMode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * What the emulator cannot show, against a scripted service: a {@code $batch} whose parts fail
 * retriably, services without UpsertMultiple or {@code $batch}, key literals of other key types.
 * Runs under Quarkus for SmallRye Fault Tolerance's {@code Guard}.
 */
@QuarkusTest
@QuarkusTestResource(EmulatorEnvironments.class)
class ODataWriteMethodTest {

    private static final String ERROR_JSON = "{\"error\":{\"code\":\"0x80044331\",\"message\":\"A validation error occurred.\"}}";

    @Inject
    ODataClientConfig config;

    @ConfigProperty(name = "ferry.environments.source.url")
    String dataverseUrl;

    @Test
    void onlyTheRetriablyFailedPartsOfABatchAreSentAgain() {
        AtomicInteger batches = new AtomicInteger();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ScriptedODataApi api = new ScriptedODataApi(script(shopMetadata(), request -> {
            if (batches.incrementAndGet() == 1) {
                return ScriptedODataApi.batchAnswer(
                        new ScriptedODataApi.Part(204, null, null),
                        new ScriptedODataApi.Part(429, "0", ERROR_JSON),
                        new ScriptedODataApi.Part(400, null, ERROR_JSON));
            }
            return ScriptedODataApi.batchAnswer(new ScriptedODataApi.Part(204, null, null));
        }));
        RestODataClient client = client(api, registry);

        BatchOutcome outcome = client.upsert("Categories", items("1", "2", "3"));

        assertThat(outcome.method()).isEqualTo(WriteMethod.BATCH);
        assertThat(outcome.failures()).extracting(ItemFailure::recordId).containsExactly("3");
        assertThat(outcome.failures().get(0).error().getMessage())
                .contains("PATCH Categories(3) on environment 'fake'").contains("A validation error occurred.");
        List<ScriptedODataApi.Sent> sent = api.sent("POST", "$batch");
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).prefer()).isEqualTo("odata.continue-on-error");
        assertThat(sent.get(0).contentType()).startsWith("multipart/mixed; boundary=");
        assertThat(sent.get(1).body()).contains("PATCH " + "http://fake.example/odata/Categories(2) HTTP/1.1")
                .doesNotContain("Categories(1)").doesNotContain("Categories(3)");
        assertThat(registry.find("ferry.odata.throttled").counter().count()).isEqualTo(1.0);
    }

    @Test
    void aBatchWhosePartsKeepFailingThrowsTheRetriableError() {
        ScriptedODataApi api = new ScriptedODataApi(script(shopMetadata(),
                request -> ScriptedODataApi.batchAnswer(new ScriptedODataApi.Part(503, null, ERROR_JSON))));
        RestODataClient client = client(api, new SimpleMeterRegistry());

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.upsert("Categories", items("1")))
                .isInstanceOfSatisfying(ODataException.class, e -> {
                    assertThat(e.retriable()).isTrue();
                    assertThat(e.status()).contains(503);
                });
        assertThat(api.sent("POST", "$batch")).hasSize(1 + config.retry().maxRetries());
    }

    @Test
    void stringKeysAreQuotedWithQuotesDoubledAndNumericKeysBare() {
        ScriptedODataApi api = new ScriptedODataApi(script(shopMetadata(), request -> ScriptedODataApi.status(204, null, null)));
        RestODataClient client = client(api, new SimpleMeterRegistry());

        client.upsert("Tags", items("O'Neil & Co/1"), WriteMethod.SINGLE);
        client.upsert("Categories", items("42"), WriteMethod.SINGLE);

        assertThat(api.sent("PATCH", "Tags")).singleElement()
                .satisfies(s -> assertThat(s.url()).isEqualTo("http://fake.example/odata/Tags('O''Neil%20&%20Co%2F1')"));
        assertThat(api.sent("PATCH", "Categories")).singleElement()
                .satisfies(s -> assertThat(s.url()).isEqualTo("http://fake.example/odata/Categories(42)"));
    }

    @Test
    void aServiceWithoutUpsertMultipleFallsBackToBatchAndRemembersIt() {
        String metadata = get(dataverseUrl + "/$metadata");
        ScriptedODataApi api = new ScriptedODataApi(script(metadata, request -> request.url().endsWith("$batch")
                ? ScriptedODataApi.batchAnswer(new ScriptedODataApi.Part(204, null, null))
                : ScriptedODataApi.status(501, "application/json",
                        "{\"error\":{\"code\":\"0x8004d293\",\"message\":\"UpsertMultiple is not implemented\"}}")));
        RestODataClient client = client(api, new SimpleMeterRegistry());
        String id = "5d1d8c80-94c3-4d5d-8d5e-6d1b2d3e4f50";

        BatchOutcome first = client.upsert("accounts", items(id));
        BatchOutcome second = client.upsert("accounts", items(id));

        assertThat(first.method()).isEqualTo(WriteMethod.BATCH);
        assertThat(second.method()).isEqualTo(WriteMethod.BATCH);
        assertThat(first.allWritten()).isTrue();
        assertThat(api.sent("POST", "UpsertMultiple")).hasSize(1);
        assertThat(api.sent("POST", "$batch")).hasSize(2);
        assertThat(api.sent("POST", "$batch").get(0).body()).contains("accounts(" + id + ")");
    }

    @Test
    void aServiceWithoutBatchIsWrittenOneRecordAtATime() {
        ScriptedODataApi api = new ScriptedODataApi(script(shopMetadata(), request -> request.url().endsWith("$batch")
                ? ScriptedODataApi.status(404, "application/json",
                        "{\"error\":{\"code\":\"\",\"message\":\"No HTTP resource was found for segment '$batch'.\"}}")
                : ScriptedODataApi.status(204, null, null)));
        RestODataClient client = client(api, new SimpleMeterRegistry());

        BatchOutcome first = client.upsert("Categories", items("1", "2"));
        BatchOutcome second = client.upsert("Categories", items("3"));

        assertThat(first.method()).isEqualTo(WriteMethod.SINGLE);
        assertThat(second.method()).isEqualTo(WriteMethod.SINGLE);
        assertThat(api.sent("POST", "$batch")).hasSize(1);
        assertThat(api.sent("PATCH", "Categories")).hasSize(3);
    }

    private RestODataClient client(ScriptedODataApi api, SimpleMeterRegistry registry) {
        EnvironmentSettings settings = new EnvironmentSettings("fake", URI.create("http://fake.example/odata/"),
                AuthMode.NONE, null, "http://fake.example/.default");
        return new RestODataClient(settings, api, RestODataClients.guard("fake", config.retry()),
                new ODataMetrics(registry, "fake"), new ObjectMapper(), Duration.ofHours(1));
    }

    private static Function<ScriptedODataApi.Sent, Response> script(String metadata,
            Function<ScriptedODataApi.Sent, Response> writes) {
        return request -> request.url().endsWith("$metadata")
                ? ScriptedODataApi.status(200, "application/xml", metadata)
                : writes.apply(request);
    }

    private static List<UpsertItem> items(String... ids) {
        List<UpsertItem> items = new ArrayList<>();
        for (String id : ids) {
            items.add(new UpsertItem(id, JsonNodeFactory.instance.objectNode().put("Name", "n" + id)));
        }
        return items;
    }

    private static String shopMetadata() {
        try (InputStream in = ODataWriteMethodTest.class.getResourceAsStream("/fixtures/plain-odata-shop.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String get(String url) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
