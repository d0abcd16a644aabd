package dev.ferry.emulator.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.emulator.Emulator;
import dev.ferry.emulator.EmulatorOptions;
import dev.ferry.emulator.store.LookupValue;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BatchTest {
    private Emulator emulator;
    private WriteClient client;

    @BeforeEach
    void start() {
        emulator = Emulator.start(EmulatorOptions.defaults());
        client = new WriteClient(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private HttpResponse<String> send(BatchBuilder batch, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = batch.contentType();
        System.arraycopy(headers, 0, all, 2, headers.length);
        return client.send("POST", "$batch", batch.build(), all);
    }

    private static List<BatchParts.Response> parts(HttpResponse<String> r) {
        return BatchParts.parse(r.headers().firstValue("Content-Type").orElseThrow(), r.body());
    }

    @Test
    void changeSetCreatesAnAccountAndAContactBindingItsContentId() {
        BatchBuilder batch = new BatchBuilder().beginChangeSet()
                .request("1", "POST", emulator.baseUrl() + "accounts", "{\"name\":\"Batch Co\"}")
                .request("2", "POST", "/api/data/v9.2/contacts",
                        "{\"lastname\":\"Smith\",\"parentcustomerid_account@odata.bind\":\"$1\"}")
                .request("3", "PATCH", "$1", "{\"telephone1\":\"555\"}")
                .endChangeSet();

        HttpResponse<String> r = send(batch);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("multipart/mixed; boundary=batchresponse_");
        List<BatchParts.Response> parts = parts(r);
        assertThat(parts).extracting(BatchParts.Response::contentId).containsExactly("1", "2", "3");
        assertThat(parts).extracting(BatchParts.Response::status).containsOnly(204);
        assertThat(parts).extracting(BatchParts.Response::changeSet).doesNotContainNull();
        UUID account = idFrom(parts.get(0));
        UUID contact = idFrom(parts.get(1));
        assertThat(parts.get(0).headers()).containsEntry("Location", parts.get(0).headers().get("OData-EntityId"));
        assertThat(client.lookup("contact", contact, "parentcustomerid")).isEqualTo(new LookupValue("account", account));
        assertThat(client.value("account", account, "telephone1")).isEqualTo("555");
    }

    @Test
    void changeSetRollsBackEverythingWhenALaterRequestFails() {
        BatchBuilder batch = new BatchBuilder().beginChangeSet()
                .request("1", "POST", "accounts", "{\"name\":\"kept?\"}")
                .request("2", "POST", "contacts", "{\"lastname\":\"" + "x".repeat(51) + "\"}")
                .endChangeSet();

        HttpResponse<String> r = send(batch);

        assertThat(r.statusCode()).isEqualTo(400);
        List<BatchParts.Response> parts = parts(r);
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).status()).isEqualTo(400);
        assertThat(parts.get(0).contentId()).isEqualTo("2");
        assertThat(parts.get(0).body()).contains("0x80044331");
        assertThat(client.count("account")).isZero();
        assertThat(client.count("contact")).isZero();
    }

    @Test
    void firstFailureStopsTheBatchWithoutContinueOnError() {
        BatchBuilder batch = new BatchBuilder()
                .request(null, "POST", "accounts", "{\"name\":\"one\"}")
                .request(null, "POST", "accounts", "{\"name\":\"two\",\"bogus\":1}")
                .request(null, "POST", "accounts", "{\"name\":\"three\"}");

        HttpResponse<String> r = send(batch);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(parts(r)).extracting(BatchParts.Response::status).containsExactly(204, 400);
        assertThat(client.count("account")).isEqualTo(1);
    }

    @Test
    void continueOnErrorAnswersEveryRequest() {
        BatchBuilder batch = new BatchBuilder()
                .request(null, "POST", "accounts", "{\"name\":\"one\",\"bogus\":1}")
                .beginChangeSet()
                .request("1", "POST", "accounts", "{\"name\":\"two\"}")
                .request("2", "PATCH", "accounts(" + UUID.randomUUID() + ")", "{\"name\":\"x\",\"bogus\":2}")
                .endChangeSet()
                .request(null, "POST", "accounts", "{\"name\":\"three\"}");

        HttpResponse<String> r = send(batch, "Prefer", "odata.continue-on-error");

        assertThat(r.statusCode()).isEqualTo(200);
        List<BatchParts.Response> parts = parts(r);
        assertThat(parts).extracting(BatchParts.Response::status).containsExactly(400, 400, 204);
        assertThat(parts.get(1).contentId()).isEqualTo("2");
        assertThat(parts.get(1).changeSet()).isNull();
        assertThat(client.count("account")).isEqualTo(1);
    }

    @Test
    void getOutsideAChangeSetIsAnsweredAsADirectGetWouldBe() {
        UUID id = client.create("accounts", "{\"name\":\"readable\"}");
        HttpResponse<String> direct = client.get("accounts(" + id + ")?$select=name");

        HttpResponse<String> r = send(new BatchBuilder().request(null, "GET", "accounts(" + id + ")?$select=name", null),
                "Prefer", "odata.continue-on-error");

        List<BatchParts.Response> parts = parts(r);
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).status()).isEqualTo(direct.statusCode()).isEqualTo(200);
        assertThat(parts.get(0).body()).isEqualTo(direct.body()).contains("\"readable\"");
    }

    @Test
    void aBatchInsideABatchIsRefused() {
        BatchBuilder batch = new BatchBuilder().request(null, "POST", "$batch", "{}");

        List<BatchParts.Response> parts = parts(send(batch));

        assertThat(parts).extracting(BatchParts.Response::status).containsExactly(400);
        assertThat(parts.get(0).body()).contains("another batch");
    }

    @Test
    void getInsideAChangeSetIsRefused() {
        BatchBuilder batch = new BatchBuilder().beginChangeSet()
                .request("1", "GET", "accounts", null)
                .endChangeSet();

        List<BatchParts.Response> parts = parts(send(batch));

        assertThat(parts).extracting(BatchParts.Response::status).containsExactly(400);
    }

    @Test
    void moreThanAThousandRequestsAreRefusedBeforeAnyRuns() {
        BatchBuilder batch = new BatchBuilder().beginChangeSet();
        for (int i = 0; i <= BatchHandler.MAX_OPERATIONS; i++) {
            batch.request(String.valueOf(i), "POST", "accounts", "{\"name\":\"n" + i + "\"}");
        }
        batch.endChangeSet();

        HttpResponse<String> r = send(batch);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(WriteClient.error(r).get("message").asText()).contains("'1000'");
        assertThat(client.count("account")).isZero();
    }

    @Test
    void aThousandRequestsAreAccepted() {
        BatchBuilder batch = new BatchBuilder();
        for (int i = 0; i < BatchHandler.MAX_OPERATIONS; i++) {
            batch.request(null, "POST", "accounts", "{\"name\":\"n" + i + "\"}");
        }

        HttpResponse<String> r = send(batch);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(parts(r)).hasSize(BatchHandler.MAX_OPERATIONS);
        assertThat(client.count("account")).isEqualTo(BatchHandler.MAX_OPERATIONS);
    }

    @Test
    void requestWithBareLineFeedsIsRead() {
        BatchBuilder batch = new BatchBuilder("\n").beginChangeSet()
                .request("a", "POST", "accounts", "{\"name\":\"lf\"}")
                .request("b", "POST", "contacts", "{\"lastname\":\"lf\",\"parentcustomerid_account@odata.bind\":\"$a\"}")
                .endChangeSet();

        HttpResponse<String> r = send(batch);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(parts(r)).extracting(BatchParts.Response::status).containsExactly(204, 204);
        assertThat(client.count("contact")).isEqualTo(1);
    }

    @Test
    void undeclaredContentIdFailsTheChangeSet() {
        BatchBuilder batch = new BatchBuilder().beginChangeSet()
                .request("1", "POST", "contacts", "{\"lastname\":\"x\",\"parentcustomerid_account@odata.bind\":\"$9\"}")
                .endChangeSet();

        HttpResponse<String> r = send(batch);

        List<BatchParts.Response> parts = parts(r);
        assertThat(parts.get(0).status()).isEqualTo(400);
        assertThat(parts.get(0).body()).contains("Content-ID Reference: '$9' does not exist in the batch context.");
    }

    @Test
    void responseIsShapedLikeDataverses() {
        BatchBuilder batch = new BatchBuilder().beginChangeSet()
                .request("1", "POST", "accounts", "{\"name\":\"shape\"}")
                .endChangeSet()
                .request(null, "POST", "accounts", "{\"name\":\"single\"}");

        HttpResponse<String> r = send(batch);

        String boundary = BatchParts.boundary(r.headers().firstValue("Content-Type").orElseThrow());
        String body = r.body();
        assertThat(r.headers().firstValue("OData-Version")).contains("4.0");
        assertThat(body).startsWith("--" + boundary + "\r\nContent-Type: multipart/mixed; boundary=changesetresponse_");
        assertThat(body).contains("\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\nContent-ID: 1\r\n\r\n"
                + "HTTP/1.1 204 No Content\r\nOData-Version: 4.0\r\nLocation: ");
        assertThat(body).containsPattern("\r\n\r\n\r\n--changesetresponse_[0-9a-f-]{36}--\r\n--" + boundary + "\r\n");
        assertThat(body).endsWith("\r\n--" + boundary + "--\r\n");
        assertThat(parts(r)).hasSize(2);
    }

    @Test
    void batchWithoutMultipartContentTypeIsABadRequest() {
        HttpResponse<String> r = client.post("$batch", "{}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(WriteClient.error(r).get("message").asText()).contains("multipart/mixed");
    }

    private static UUID idFrom(BatchParts.Response response) {
        String url = response.headers().get("OData-EntityId");
        return UUID.fromString(url.substring(url.lastIndexOf('(') + 1, url.length() - 1));
    }
}
