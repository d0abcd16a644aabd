package dev.ferry.common.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.common.odata.FerryEnvironmentsConfig.AuthMode;
import dev.ferry.common.odata.FerryEnvironmentsConfig.EnvironmentConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The client's small pieces, without HTTP: URLs, key literals, errors, backoff, batch bodies, pages, settings. */
class ODataPiecesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final ODataUrls urls = new ODataUrls(URI.create("https://org.example.com/api/data/v9.2/"));

    @Test
    void queryOptionsAreEncodedWithoutPlusForSpaces() {
        String url = urls.query(new PageQuery("accounts", List.of("name", "accountid"), "name eq 'A&B #1'", 10, false));

        assertThat(url).isEqualTo("https://org.example.com/api/data/v9.2/accounts?$select=name,accountid"
                + "&$filter=name%20eq%20'A%26B%20%231'");
    }

    @Test
    void nextLinksUnderTheRootAreFollowedAndOthersRefused() {
        assertThat(urls.nextLink("https://org.example.com/api/data/v9.2/accounts?$skiptoken=%3Ccookie%3E", "source"))
                .isEqualTo("https://org.example.com/api/data/v9.2/accounts?$skiptoken=%3Ccookie%3E");
        assertThat(urls.nextLink("accounts?$skiptoken=x", "source"))
                .isEqualTo("https://org.example.com/api/data/v9.2/accounts?$skiptoken=x");
        assertThatThrownBy(() -> urls.nextLink("https://evil.example.com/api/data/v9.2/accounts", "source"))
                .isInstanceOf(ODataException.class).hasMessageContaining("leaves the service root");
        assertThatThrownBy(() -> urls.nextLink("https://org.example.com/api/data/v9.1/accounts", "source"))
                .isInstanceOf(ODataException.class).hasMessageContaining("environment 'source'");
        assertThatThrownBy(() -> urls.nextLink("http://org.example.com/api/data/v9.2/accounts", "source"))
                .isInstanceOf(ODataException.class);
    }

    @Test
    void keyLiteralsFollowTheKeyType() {
        String guid = "4f1c1a2b-0000-4000-8000-000000000001";
        assertThat(KeyLiterals.of(guid, "Edm.Guid")).isEqualTo(guid);
        assertThat(KeyLiterals.of("42", "Edm.Int32")).isEqualTo("42");
        assertThat(KeyLiterals.of("O'Neil", "Edm.String")).isEqualTo("'O''Neil'");
        assertThat(KeyLiterals.of(guid, null)).isEqualTo(guid);
        assertThat(KeyLiterals.of("ACC-1", null)).isEqualTo("'ACC-1'");
    }

    @Test
    void errorsCarryTheServicesCodeMessageAndContext() {
        ODataErrors errors = new ODataErrors(MAPPER);
        byte[] body = "{\"error\":{\"code\":\"0x80072322\",\"message\":\"Number of requests exceeded the limit.\"}}"
                .getBytes(StandardCharsets.UTF_8);

        ODataException throttled = errors.fromAnswer("PATCH contacts(1) on environment 'target'", 429, "7", body);

        assertThat(throttled.getMessage()).isEqualTo("PATCH contacts(1) on environment 'target': "
                + "Number of requests exceeded the limit. (HTTP 429, code 0x80072322)");
        assertThat(throttled.retriable()).isTrue();
        assertThat(throttled.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(throttled.code()).contains("0x80072322");
    }

    @Test
    void statusesAreClassified() {
        assertThat(List.of(429, 408, 500, 502, 503, 504)).allMatch(ODataErrors::retriable);
        assertThat(List.of(400, 401, 403, 404, 409, 412, 413, 501)).noneMatch(ODataErrors::retriable);
    }

    @Test
    void aNonJsonErrorBodyIsQuotedShortly() {
        ODataException error = new ODataErrors(MAPPER).fromAnswer("GET accounts on environment 'x'", 502, null,
                ("<html>" + "bad gateway ".repeat(100) + "</html>").getBytes(StandardCharsets.UTF_8));

        assertThat(error.getMessage()).startsWith("GET accounts on environment 'x': <html>bad gateway").contains("…")
                .hasSizeLessThan(400);
        assertThat(error.retriable()).isTrue();
        assertThat(error.code()).isEmpty();
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsADate() {
        assertThat(ODataErrors.parseRetryAfter("120")).isEqualTo(Duration.ofMinutes(2));
        assertThat(ODataErrors.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
        assertThat(ODataErrors.parseRetryAfter("soon")).isNull();
        assertThat(ODataErrors.parseRetryAfter(null)).isNull();
    }

    @Test
    void backoffDoublesUpToItsMaximumAndHonoursRetryAfterAsItIs() {
        RetryAfterBackoff backoff = new RetryAfterBackoff(Duration.ofMillis(100), Duration.ofMillis(500), 0);
        ODataException unavailable = new ODataException("x", 503, null, true, null, null);
        ODataException throttled = new ODataException("x", 429, null, true, Duration.ofSeconds(5), null);

        assertThat(backoff.nextDelayInMillis(unavailable)).isEqualTo(100);
        assertThat(backoff.nextDelayInMillis(unavailable)).isEqualTo(200);
        assertThat(backoff.nextDelayInMillis(unavailable)).isEqualTo(400);
        assertThat(backoff.nextDelayInMillis(unavailable)).isEqualTo(500);
        assertThat(backoff.nextDelayInMillis(throttled)).isEqualTo(5000);
    }

    @Test
    void jitterOnlyLengthensTheWaitWithinItsFraction() {
        RetryAfterBackoff backoff = new RetryAfterBackoff(Duration.ofMillis(1000), Duration.ofMillis(1000), 0.2);
        ODataException unavailable = new ODataException("x", 503, null, true, null, null);

        for (int i = 0; i < 50; i++) {
            assertThat(backoff.nextDelayInMillis(unavailable)).isBetween(1000L, 1200L);
        }
    }

    @Test
    void aBatchPartCarriesItsIfMatchHeaderOnlyWhenGiven() {
        BatchCodec.Encoded encoded = BatchCodec.encode(List.of(
                new BatchCodec.PartRequest("PATCH", "https://h/api/accounts(1)", "{}".getBytes(StandardCharsets.UTF_8), "*"),
                new BatchCodec.PartRequest("PATCH", "https://h/api/accounts(2)", "{}".getBytes(StandardCharsets.UTF_8))));
        String body = new String(encoded.body(), StandardCharsets.UTF_8);

        assertThat(body).contains("PATCH https://h/api/accounts(1) HTTP/1.1\r\nContent-Type: application/json; charset=utf-8"
                + "\r\nAccept: application/json\r\nIf-Match: *\r\n\r\n{}");
        assertThat(body.split("If-Match", -1)).hasSize(2);
    }

    @Test
    void aBatchBodyHasOnePartPerRequestAndItsAnswerIsReadInOrder() {
        BatchCodec.Encoded encoded = BatchCodec.encode(List.of(
                new BatchCodec.PartRequest("PATCH", "https://h/api/accounts(1)", "{\"name\":\"a\"}".getBytes(StandardCharsets.UTF_8)),
                new BatchCodec.PartRequest("PATCH", "https://h/api/accounts(2)", "{\"name\":\"b\"}".getBytes(StandardCharsets.UTF_8))));
        String body = new String(encoded.body(), StandardCharsets.UTF_8);
        String boundary = BatchCodec.boundaryOf(encoded.contentType());

        assertThat(body).contains("PATCH https://h/api/accounts(1) HTTP/1.1\r\n").contains("{\"name\":\"b\"}")
                .endsWith("--" + boundary + "--\r\n");
        assertThat(body.split("--" + boundary + "\r\n", -1)).hasSize(3);

        String answer = "--b1\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n"
                + "HTTP/1.1 204 No Content\r\nOData-Version: 4.0\r\n\r\n\r\n"
                + "--b1\r\nContent-Type: multipart/mixed; boundary=cs\r\n\r\n"
                + "--cs\r\nContent-Type: application/http\r\n\r\nHTTP/1.1 429 Too Many Requests\r\nRetry-After: 3\r\n"
                + "Content-Type: application/json\r\n\r\n{\"error\":{\"code\":\"c\",\"message\":\"m\"}}\r\n--cs--\r\n"
                + "--b1\r\nContent-Type: application/http\r\n\r\nHTTP/1.1 400 Bad Request\r\n"
                + "Content-Type: application/json\r\n\r\n{\"error\":{}}\r\n--b1--\r\n";
        List<BatchCodec.PartAnswer> parts = BatchCodec.decode("multipart/mixed; boundary=\"b1\"",
                answer.getBytes(StandardCharsets.UTF_8));

        assertThat(parts).extracting(BatchCodec.PartAnswer::status).containsExactly(204, 429, 400);
        assertThat(parts.get(0).body()).isEmpty();
        assertThat(parts.get(1).retryAfter()).isEqualTo("3");
        assertThat(new String(parts.get(1).body(), StandardCharsets.UTF_8)).isEqualTo("{\"error\":{\"code\":\"c\",\"message\":\"m\"}}");
    }

    @Test
    void aBatchAnswerWithoutBoundaryIsRefused() {
        assertThatThrownBy(() -> BatchCodec.decode("application/json", new byte[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not multipart/mixed");
    }

    @Test
    void aPageIsReadRecordByRecordWithItsNextLink() throws IOException {
        String json = "{\"@odata.context\":\"c\",\"value\":[{\"a\":1,\"n\":{\"x\":[1,2]}},{\"a\":2}],"
                + "\"@odata.nextLink\":\"https://h/next\",\"@odata.count\":2}";

        Page page = new PageParser(MAPPER).parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));

        assertThat(page.records()).hasSize(2);
        assertThat(page.records().get(0).path("n").path("x").get(1).asInt()).isEqualTo(2);
        assertThat(page.nextLink()).isEqualTo("https://h/next");
        assertThatThrownBy(() -> new PageParser(MAPPER).parse(new ByteArrayInputStream("{\"error\":{}}".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IOException.class);
    }

    @Test
    void settingsNormaliseTheRootAndDefaultTheScopeAndHideTheToken() {
        EnvironmentSettings settings = EnvironmentSettings.of("prod", config("https://org.crm.dynamics.com/api/data/v9.2",
                AuthMode.BEARER, "s3cr3t"));

        assertThat(settings.serviceRoot()).hasToString("https://org.crm.dynamics.com/api/data/v9.2/");
        assertThat(settings.scope()).isEqualTo("https://org.crm.dynamics.com/.default");
        assertThat(settings.toString()).doesNotContain("s3cr3t");
    }

    @Test
    void wrongSettingsNameTheKey() {
        assertThatThrownBy(() -> EnvironmentSettings.of("prod", config("org.crm.dynamics.com", AuthMode.NONE, null)))
                .hasMessageContaining("ferry.environments.prod.url");
        assertThatThrownBy(() -> EnvironmentSettings.of("prod", config("https://h/api/", AuthMode.BEARER, null)))
                .hasMessageContaining("ferry.environments.prod.token");
    }

    private static EnvironmentConfig config(String url, AuthMode auth, String token) {
        return TestConfigs.environment(url, auth, token);
    }
}
