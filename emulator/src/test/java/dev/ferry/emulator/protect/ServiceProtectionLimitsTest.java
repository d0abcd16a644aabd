package dev.ferry.emulator.protect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.emulator.Emulator;
import dev.ferry.emulator.EmulatorOptions;
import dev.ferry.emulator.http.ErrorCodes;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ServiceProtectionLimitsTest {
    private static final Duration WINDOW = Duration.ofSeconds(60);

    @Test
    void refusesRequestsBeyondTheLimitWithRetryAfterUntilTheWindowFrees() {
        EmulatorOptions options = EmulatorOptions.defaults().requestsPerWindow(3).window(WINDOW);
        try (Emulator emulator = Emulator.start(options)) {
            GuardClient client = new GuardClient(emulator);
            List<String> remaining = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> r = client.get("a");
                assertThat(r.statusCode()).isNotEqualTo(429);
                remaining.add(r.headers().firstValue(ServiceProtectionLimits.BURST_REMAINING_HEADER).orElseThrow());
            }
            HttpResponse<String> refused = client.get("a");

            assertThat(remaining).containsExactly("2", "1", "0");
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.body()).contains("\"code\":\"" + ErrorCodes.THROTTLE_REQUESTS + "\"")
                    .contains("Number of requests exceeded the limit of 3 over time window of 60 seconds.");
            assertThat(retryAfter(refused)).isBetween(30L, 60L);
            assertThat(emulator.counters().throttled()).isEqualTo(1);
        }
    }

    @Test
    void retryAfterGrowsWhileTheCallerKeepsSending() {
        EmulatorOptions options = EmulatorOptions.defaults().requestsPerWindow(1).window(WINDOW);
        try (Emulator emulator = Emulator.start(options)) {
            GuardClient client = new GuardClient(emulator);
            client.get("a");
            List<Long> waits = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                HttpResponse<String> r = client.get("a");
                assertThat(r.statusCode()).isEqualTo(429);
                assertThat(r.body()).contains(ErrorCodes.THROTTLE_REQUESTS);
                waits.add(retryAfter(r));
            }
            assertThat(waits).isSorted();
            assertThat(waits.get(3)).isGreaterThanOrEqualTo(waits.get(0) + 2);
        }
    }

    @Test
    void limitsEachCallerSeparately() {
        EmulatorOptions options = EmulatorOptions.defaults().requestsPerWindow(2).window(WINDOW);
        try (Emulator emulator = Emulator.start(options)) {
            GuardClient client = new GuardClient(emulator);
            client.get("first");
            client.get("first");

            assertThat(client.get("first").statusCode()).isEqualTo(429);
            assertThat(client.get("second").statusCode()).isNotEqualTo(429);
            assertThat(client.get("second").statusCode()).isNotEqualTo(429);
            assertThat(client.get("second").statusCode()).isEqualTo(429);
        }
    }

    @Test
    void refusesOnceCombinedExecutionTimeIsUsedUpDelaysIncluded() {
        EmulatorOptions options = EmulatorOptions.defaults().executionTimePerWindow(Duration.ofMillis(200))
                .fixedLatency(Duration.ofMillis(300)).window(WINDOW);
        try (Emulator emulator = Emulator.start(options)) {
            GuardClient client = new GuardClient(emulator);
            HttpResponse<String> first = client.get("a");
            HttpResponse<String> refused = client.get("a");

            assertThat(first.statusCode()).isNotEqualTo(429);
            assertThat(first.headers().firstValue(ServiceProtectionLimits.TIME_REMAINING_HEADER)).hasValue("0.20");
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.body()).contains("\"code\":\"" + ErrorCodes.THROTTLE_EXECUTION_TIME + "\"")
                    .contains("Combined execution time of incoming requests exceeded limit of 200 milliseconds"
                            + " over time window of 60 seconds. Decrease number of concurrent requests");
            assertThat(refused.headers().firstValue(ServiceProtectionLimits.TIME_REMAINING_HEADER)).hasValue("0.00");
            assertThat(retryAfter(refused)).isBetween(30L, 60L);
        }
    }

    @Test
    void refusesConcurrentRequestsBeyondTheLimitAtOnceWithAShortRetryAfter() {
        EmulatorOptions options = EmulatorOptions.defaults().maxConcurrentRequests(1)
                .fixedLatency(Duration.ofSeconds(2));
        try (Emulator emulator = Emulator.start(options)) {
            GuardClient client = new GuardClient(emulator);
            CompletableFuture<HttpResponse<String>> one = client.getAsync("a");
            CompletableFuture<HttpResponse<String>> two = client.getAsync("a");
            List<HttpResponse<String>> both = List.of(one.join(), two.join());

            assertThat(both).filteredOn(r -> r.statusCode() == 429).singleElement().satisfies(r -> {
                assertThat(r.body()).contains("\"code\":\"" + ErrorCodes.THROTTLE_CONCURRENCY + "\"")
                        .contains("Number of concurrent requests exceeded the limit of 1.");
                assertThat(retryAfter(r)).isEqualTo(ServiceProtectionLimits.CONCURRENCY_RETRY_AFTER.toSeconds());
            });
            assertThat(client.get("a").statusCode()).as("the limit frees when a request ends").isNotEqualTo(429);
        }
    }

    @Test
    void recommendsADegreeOfParallelismNoHigherThanTheConcurrencyLimit() {
        try (Emulator plain = Emulator.start(EmulatorOptions.defaults());
                Emulator limited = Emulator.start(EmulatorOptions.defaults().maxConcurrentRequests(2))) {
            assertThat(new GuardClient(plain).get(null).headers().firstValue(DopHint.HEADER))
                    .hasValue(Integer.toString(DopHint.DEFAULT));
            assertThat(new GuardClient(limited).get(null).headers().firstValue(DopHint.HEADER)).hasValue("2");
        }
    }

    @Test
    void sendsNoRateLimitHeadersWhenLimitsAreOff() {
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults())) {
            HttpResponse<String> r = new GuardClient(emulator).get(null);

            assertThat(r.headers().firstValue(ServiceProtectionLimits.BURST_REMAINING_HEADER)).isEmpty();
            assertThat(r.headers().firstValue(ServiceProtectionLimits.TIME_REMAINING_HEADER)).isEmpty();
        }
    }

    private static long retryAfter(HttpResponse<String> r) {
        return Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
    }
}
