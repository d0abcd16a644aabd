package dev.ferry.emulator.protect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.emulator.http.ApiRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WriteCostTest {

    @Test
    void readsCostNothingAndSingleWritesOne() {
        assertThat(WriteCost.records(request("GET", "accounts", ""))).isZero();
        assertThat(WriteCost.records(request("POST", "accounts", "{\"name\":\"a\"}"))).isEqualTo(1);
        assertThat(WriteCost.records(request("PATCH", "accounts(accountnumber='A1')", "{}"))).isEqualTo(1);
        assertThat(WriteCost.records(request("DELETE", "accounts(00000000-0000-0000-0000-000000000001)", "")))
                .isEqualTo(1);
    }

    @Test
    void bulkActionsCostTheirTargets() {
        String body = "{\"Targets\":[{\"a\":{\"nested\":[1,2]}},{\"b\":1},{\"c\":[]}]}";

        assertThat(WriteCost.records(request("POST", "accounts/Microsoft.Dynamics.CRM.UpsertMultiple", body)))
                .isEqualTo(3);
        assertThat(WriteCost.records(request("POST", "contacts/Microsoft.Dynamics.CRM.CreateMultiple",
                "{\"Other\":{\"Targets\":[1]},\"Targets\":[]}"))).isZero();
        assertThat(WriteCost.records(request("POST", "accounts/Microsoft.Dynamics.CRM.UpsertMultiple", "not json")))
                .isEqualTo(1);
    }

    @Test
    void batchesCostTheirWriteOperations() {
        String body = String.join("\r\n",
                "--batch_1",
                "Content-Type: multipart/mixed; boundary=changeset_1",
                "",
                "--changeset_1",
                "Content-Type: application/http",
                "Content-Transfer-Encoding: binary",
                "Content-ID: 1",
                "",
                "POST accounts HTTP/1.1",
                "Content-Type: application/json",
                "",
                "{\"name\":\"POST me\"}",
                "--changeset_1",
                "Content-Type: application/http",
                "",
                "PATCH accounts(00000000-0000-0000-0000-000000000001) HTTP/1.1",
                "",
                "{}",
                "--changeset_1--",
                "--batch_1",
                "Content-Type: application/http",
                "",
                "GET accounts?$top=1 HTTP/1.1",
                "",
                "--batch_1",
                "Content-Type: application/http",
                "",
                "DELETE accounts(00000000-0000-0000-0000-000000000002) HTTP/1.1",
                "",
                "--batch_1--");

        assertThat(WriteCost.records(request("POST", "$batch", body))).isEqualTo(3);
    }

    private static ApiRequest request(String method, String path, String body) {
        return new ApiRequest(method, path, Map.of(), Map.of(), body.getBytes(StandardCharsets.UTF_8),
                "http://127.0.0.1:1/api/data/v9.2/", "caller");
    }
}
