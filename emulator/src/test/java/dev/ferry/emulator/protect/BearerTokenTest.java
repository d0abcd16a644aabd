package dev.ferry.emulator.protect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.emulator.Emulator;
import dev.ferry.emulator.EmulatorOptions;
import dev.ferry.emulator.http.ErrorCodes;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class BearerTokenTest {

    @Test
    void refusesRequestWithoutTokenWithDataverseChallenge() {
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().requireBearerToken(true))) {
            HttpResponse<String> r = new GuardClient(emulator).get(null);

            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v)
                    .startsWith("Bearer authorization_uri=https://login.microsoftonline.com/")
                    .contains("/oauth2/authorize")
                    .contains("resource_id=http://127.0.0.1:" + emulator.port() + "/"));
            assertThat(r.body()).contains("\"code\":\"" + ErrorCodes.UNAUTHORIZED + "\"").contains("Bearer");
            assertThat(emulator.counters().byStatus()).containsEntry(401, 1L);
        }
    }

    @Test
    void acceptsAnyNonEmptyTokenWhenNoneIsConfigured() {
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().requireBearerToken(true))) {
            GuardClient client = new GuardClient(emulator);

            assertThat(client.get("anything").statusCode()).isNotEqualTo(401);
            assertThat(client.get("").statusCode()).isEqualTo(401);
        }
    }

    @Test
    void acceptsOnlyTheConfiguredToken() {
        EmulatorOptions options = EmulatorOptions.defaults().requireBearerToken(true).bearerToken("s3cret");
        try (Emulator emulator = Emulator.start(options)) {
            GuardClient client = new GuardClient(emulator);

            HttpResponse<String> wrong = client.get("other");
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.body()).contains("not valid");
            assertThat(client.get("s3cret").statusCode()).isNotEqualTo(401);
        }
    }

    @Test
    void letsEveryRequestThroughWhenTokensAreNotRequired() {
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults())) {
            assertThat(new GuardClient(emulator).get(null).statusCode()).isNotEqualTo(401);
        }
    }
}
