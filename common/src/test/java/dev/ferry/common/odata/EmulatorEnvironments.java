package dev.ferry.common.odata;

import dev.ferry.emulator.Emulator;
import dev.ferry.emulator.EmulatorOptions;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Embedded emulators behind the environments the OData client tests use, each configured through
 * {@code ferry.environments.<name>.*} as a service would; their admin URLs are
 * {@code test.admin.<name>}.
 */
public class EmulatorEnvironments implements QuarkusTestResourceLifecycleManager {

    static final String TOKEN = "test-token-4711";
    static final int SOURCE_ACCOUNTS = 12_000;
    /** Requests per window of the throttled environment: a handful, so a short burst meets 429. */
    static final int THROTTLED_REQUESTS_PER_WINDOW = 3;
    static final Duration THROTTLE_WINDOW = Duration.ofSeconds(2);

    /** Far longer than the request timeout of the timeout test. */
    static final Duration SLOW_LATENCY = Duration.ofSeconds(2);

    private final List<Emulator> started = new ArrayList<>();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        environment(config, "source", EmulatorOptions.defaults().seed(Map.of("account", SOURCE_ACCOUNTS)), "none");
        environment(config, "target", EmulatorOptions.defaults(), "none");
        environment(config, "throttled", EmulatorOptions.defaults()
                .requestsPerWindow(THROTTLED_REQUESTS_PER_WINDOW).window(THROTTLE_WINDOW), "none");
        environment(config, "flaky", EmulatorOptions.defaults().failureRate(0.3).randomSeed(7), "none");
        environment(config, "slow", EmulatorOptions.defaults().fixedLatency(SLOW_LATENCY), "none");
        environment(config, "down", EmulatorOptions.defaults().failureRate(1.0), "none");
        environment(config, "secured", EmulatorOptions.defaults().requireBearerToken(true).bearerToken(TOKEN), "bearer");
        config.put("ferry.environments.secured.token", TOKEN);
        environment(config, "unauthenticated", null, "none");
        return config;
    }

    private void environment(Map<String, String> config, String name, EmulatorOptions options, String auth) {
        if (options != null) {
            Emulator emulator = Emulator.start(options);
            started.add(emulator);
            // The secured emulator also serves "unauthenticated": same service, no token sent.
            config.put("ferry.environments." + name + ".url", stripSlash(emulator.baseUrl()));
            config.put("test.admin." + name, emulator.adminUrl());
            if (name.equals("secured")) {
                config.put("ferry.environments.unauthenticated.url", emulator.baseUrl());
            }
        }
        config.put("ferry.environments." + name + ".auth", auth);
    }

    /** Configured without the final slash, as people do: the client adds it. */
    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public void stop() {
        started.forEach(Emulator::close);
        started.clear();
    }
}
