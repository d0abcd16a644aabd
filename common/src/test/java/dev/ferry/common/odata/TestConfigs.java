package dev.ferry.common.odata;

import dev.ferry.common.odata.FerryEnvironmentsConfig.AuthMode;
import dev.ferry.common.odata.FerryEnvironmentsConfig.EnvironmentConfig;
import java.time.Duration;
import java.util.Optional;

/** Configuration objects for tests that build clients by hand. */
final class TestConfigs {

    private TestConfigs() {
    }

    static EnvironmentConfig environment(String url, AuthMode auth, String token) {
        return new EnvironmentConfig() {
            public String url() { return url; }
            public AuthMode auth() { return auth; }
            public Optional<String> token() { return Optional.ofNullable(token); }
            public Optional<String> tenantId() { return Optional.empty(); }
            public Optional<String> clientId() { return Optional.empty(); }
            public Optional<String> clientSecret() { return Optional.empty(); }
            public Optional<String> certificatePath() { return Optional.empty(); }
            public String authority() { return "https://login.microsoftonline.com/"; }
            public Optional<String> scope() { return Optional.empty(); }
        };
    }

    /** A client configuration with that request timeout and retry count, backoff 10 ms. */
    static ODataClientConfig client(Duration requestTimeout, int maxRetries) {
        return new ODataClientConfig() {
            public Duration requestTimeout() { return requestTimeout; }
            public Duration connectTimeout() { return Duration.ofSeconds(2); }
            public Retry retry() {
                return new Retry() {
                    public int maxRetries() { return maxRetries; }
                    public Duration maxDuration() { return Duration.ofSeconds(30); }
                    public Duration initialBackoff() { return Duration.ofMillis(10); }
                    public Duration maxBackoff() { return Duration.ofMillis(10); }
                    public double jitter() { return 0; }
                };
            }
            public Metadata metadata() {
                return () -> Duration.ofHours(1);
            }
        };
    }
}
