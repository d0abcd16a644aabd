package dev.ferry.common.odata;

import io.smallrye.faulttolerance.api.CustomBackoffStrategy;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The wait before each retry: the service's Retry-After when it sent one (429), as long as it says
 * (coming back earlier only earns another 429 and, on Dataverse, a longer penalty), else
 * exponential from the initial backoff capped at the maximum backoff; either spread by the jitter
 * fraction. The call's maximum duration still bounds the whole.
 * One instance per guarded call (SmallRye creates it through the supplier), so the attempt count
 * is the call's own.
 */
final class RetryAfterBackoff implements CustomBackoffStrategy {

    private final long initialMillis;
    private final long maxMillis;
    private final double jitter;
    private int attempt;

    RetryAfterBackoff(Duration initial, Duration max, double jitter) {
        this.initialMillis = Math.max(1, initial.toMillis());
        this.maxMillis = Math.max(initialMillis, max.toMillis());
        this.jitter = Math.max(0, jitter);
    }

    @Override
    public long nextDelayInMillis(Throwable cause) {
        Duration retryAfter = cause instanceof ODataException e ? e.retryAfter().orElse(null) : null;
        long base;
        if (retryAfter != null) {
            base = Math.max(0, retryAfter.toMillis());
        } else {
            base = Math.min(initialMillis << Math.min(attempt, 30), maxMillis);
        }
        attempt++;
        long spread = (long) (base * jitter * ThreadLocalRandom.current().nextDouble());
        return base + spread;
    }
}
