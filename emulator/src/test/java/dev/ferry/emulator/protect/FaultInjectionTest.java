package dev.ferry.emulator.protect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.emulator.Emulator;
import dev.ferry.emulator.EmulatorOptions;
import dev.ferry.emulator.http.ErrorCodes;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {
    private static final int REQUESTS = 400;

    @Test
    void answersAboutTheFailureRateOfRequestsWith503() {
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().failureRate(0.25))) {
            List<Integer> statuses = statuses(emulator, REQUESTS);

            long failed = statuses.stream().filter(s -> s == 503).count();
            assertThat(failed).isBetween(60L, 140L);
            assertThat(emulator.counters().byStatus()).containsEntry(503, failed);
        }
    }

    @Test
    void failsTheSameRequestsForTheSameRandomSeed() {
        List<Integer> first;
        List<Integer> second;
        List<Integer> otherSeed;
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().failureRate(0.3).randomSeed(7))) {
            first = statuses(emulator, 60);
        }
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().failureRate(0.3).randomSeed(7))) {
            second = statuses(emulator, 60);
        }
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().failureRate(0.3).randomSeed(8))) {
            otherSeed = statuses(emulator, 60);
        }
        assertThat(first).contains(503).isEqualTo(second).isNotEqualTo(otherSeed);
    }

    @Test
    void serviceUnavailableIsADataverseError() {
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().failureRate(1.0))) {
            HttpResponse<String> r = new GuardClient(emulator).get(null);

            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.body()).contains("\"code\":\"" + ErrorCodes.SERVICE_UNAVAILABLE + "\"")
                    .contains("temporarily unavailable");
        }
    }

    @Test
    void resetConnectionReachesTheClientAsIOException() {
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().resetRate(1.0))) {
            GuardClient client = new GuardClient(emulator);

            assertThatThrownBy(() -> client.getOrThrow(null)).isInstanceOf(IOException.class);
            assertThat(emulator.counters().connectionResets()).isPositive();
            assertThat(emulator.counters().byStatus()).isEmpty();
        }
    }

    @Test
    void resetsAboutTheResetRateAndAnswersTheRest() {
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().resetRate(0.2))) {
            GuardClient client = new GuardClient(emulator);
            int resets = 0;
            for (int i = 0; i < 200; i++) {
                // A POST, because the JDK client silently resends a GET whose connection was closed.
                try {
                    client.postOrThrow("accounts", null, "application/json", "{}");
                } catch (IOException e) {
                    resets++;
                }
            }
            assertThat(resets).isBetween(15, 70);
            assertThat(emulator.counters().connectionResets()).isEqualTo(resets);
            assertThat(emulator.counters().requests()).isEqualTo(200);
        }
    }

    private static List<Integer> statuses(Emulator emulator, int n) {
        GuardClient client = new GuardClient(emulator);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            statuses.add(client.get(null).statusCode());
        }
        return statuses;
    }
}
