package dev.ferry.emulator.protect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.emulator.Emulator;
import dev.ferry.emulator.EmulatorOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Delays are asserted from below only: a busy machine may add to them, never take away. */
class LatencyTest {

    @Test
    void delaysEveryRequestByAtLeastTheFixedLatency() {
        EmulatorOptions options = EmulatorOptions.defaults().fixedLatency(Duration.ofMillis(300))
                .randomLatency(Duration.ofMillis(50));
        try (Emulator emulator = Emulator.start(options)) {
            GuardClient client = new GuardClient(emulator);
            client.get(null);

            assertThat(timed(() -> client.get(null))).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
    }

    @Test
    void chargesEachRecordABulkActionWrites() {
        EmulatorOptions options = EmulatorOptions.defaults().latencyPerRecordWritten(Duration.ofMillis(100));
        String sixTargets = "{\"Targets\":[" + String.join(",", java.util.Collections.nCopies(6,
                "{\"@odata.type\":\"Microsoft.Dynamics.CRM.account\",\"name\":\"x\"}")) + "]}";
        try (Emulator emulator = Emulator.start(options)) {
            GuardClient client = new GuardClient(emulator);
            client.get(null);

            assertThat(timed(() -> client.post("accounts/Microsoft.Dynamics.CRM.UpsertMultiple", null,
                    "application/json", sixTargets))).isGreaterThanOrEqualTo(Duration.ofMillis(600));
        }
    }

    private static Duration timed(Runnable r) {
        long start = System.nanoTime();
        r.run();
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
