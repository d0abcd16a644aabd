package dev.ferry.emulator.protect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.emulator.EmulatorOptions;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The limits' arithmetic on a clock the test moves, so that waits are exact and no test waits. */
class ServiceProtectionRulesTest {
    private final AtomicLong nanos = new AtomicLong();

    @Test
    void retryAfterLastsUntilTheOldestRequestLeavesTheWindow() {
        ServiceProtectionLimits limits = limits(EmulatorOptions.defaults().requestsPerWindow(2)
                .window(Duration.ofSeconds(10)));
        serve(limits);
        at(1_000);
        serve(limits);
        at(2_000);

        ServiceProtectionLimits.Admission refused = limits.admit("a");

        assertThat(refused.admitted()).isFalse();
        assertThat(refused.refusedBy()).isEqualTo(ThrottleLimit.REQUESTS);
        assertThat(refused.retryAfterSeconds()).isEqualTo(8);
    }

    @Test
    void aCallerWhoWaitsIsServedAgainWithoutPenalty() {
        ServiceProtectionLimits limits = limits(EmulatorOptions.defaults().requestsPerWindow(1)
                .window(Duration.ofSeconds(10)));
        serve(limits);
        at(4_000);
        assertThat(limits.admit("a").retryAfterSeconds()).isEqualTo(6);
        at(10_001);

        assertThat(limits.admit("a").admitted()).isTrue();
    }

    @Test
    void everyRequestSentWhileThrottledExtendsTheWaitUpToOneMoreWindow() {
        ServiceProtectionLimits limits = limits(EmulatorOptions.defaults().requestsPerWindow(1)
                .window(Duration.ofSeconds(10)));
        serve(limits);
        assertThat(limits.admit("a").retryAfterSeconds()).isEqualTo(10);
        assertThat(limits.admit("a").retryAfterSeconds()).isEqualTo(11);
        assertThat(limits.admit("a").retryAfterSeconds()).isEqualTo(12);
        for (int i = 0; i < 50; i++) {
            limits.admit("a");
        }
        assertThat(limits.admit("a").retryAfterSeconds()).isEqualTo(20);
        at(19_000);
        assertThat(limits.admit("a").admitted()).as("still throttled: it kept sending").isFalse();
    }

    @Test
    void executionTimeFreesWhenEnoughOfItLeavesTheWindow() {
        ServiceProtectionLimits limits = limits(EmulatorOptions.defaults().executionTimePerWindow(Duration.ofSeconds(5))
                .window(Duration.ofSeconds(10)));
        ServiceProtectionLimits.Admission first = limits.admit("a");
        at(6_000);
        limits.completed(first, Duration.ofSeconds(6).toNanos());
        at(7_000);

        ServiceProtectionLimits.Admission refused = limits.admit("a");

        assertThat(refused.refusedBy()).isEqualTo(ThrottleLimit.EXECUTION_TIME);
        assertThat(refused.retryAfterSeconds()).isEqualTo(9);
        at(16_001);
        assertThat(limits.admit("a").admitted()).isTrue();
    }

    @Test
    void concurrencyRefusalDoesNotThrottleLaterRequests() {
        ServiceProtectionLimits limits = limits(EmulatorOptions.defaults().maxConcurrentRequests(1));
        ServiceProtectionLimits.Admission running = limits.admit("a");
        ServiceProtectionLimits.Admission refused = limits.admit("a");
        limits.completed(running, 1);

        assertThat(refused.refusedBy()).isEqualTo(ThrottleLimit.CONCURRENCY);
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
        assertThat(limits.admit("a").admitted()).isTrue();
    }

    private ServiceProtectionLimits limits(EmulatorOptions options) {
        return new ServiceProtectionLimits(options, nanos::get);
    }

    private static void serve(ServiceProtectionLimits limits) {
        assertThat(limits.admit("a").admitted()).isTrue();
    }

    private void at(long millis) {
        nanos.set(Duration.ofMillis(millis).toNanos());
    }
}
