package dev.ferry.emulator.protect;

import java.util.ArrayDeque;

/**
 * One caller's use of the service protection limits: request arrivals and completed execution
 * times inside the sliding window, requests in flight, and how long the caller is throttled.
 * All times are {@link System#nanoTime()} values.
 */
final class CallerBudget {
    /** A completed request: when it ended and how long it ran. */
    private record Execution(long endedAt, long nanos) {
    }

    private final ArrayDeque<Long> arrivals = new ArrayDeque<>();
    private final ArrayDeque<Execution> executions = new ArrayDeque<>();
    private long executionNanosInWindow;
    private int inFlight;
    private long throttledUntil = Long.MIN_VALUE;
    private ThrottleLimit throttledBy;

    /**
     * Admits a request arriving at {@code now} or says which limit refuses it and for how long.
     * The rules are documented on {@link ServiceProtectionLimits}.
     */
    synchronized ServiceProtectionLimits.Admission admit(long now, ServiceProtectionLimits limits) {
        forgetBefore(now - limits.windowNanos());
        if (throttledBy != null && now - throttledUntil < 0) {
            // The caller keeps sending while told to wait: refuse again and make the wait longer.
            throttledUntil = Math.min(throttledUntil + limits.penaltyNanos(), now + limits.maxThrottleNanos());
            return refused(throttledBy, throttledUntil - now, limits);
        }
        throttledBy = null;
        if (limits.requestsPerWindow() > 0 && arrivals.size() >= limits.requestsPerWindow()) {
            // One slot frees when the oldest arrival leaves the window.
            return throttle(ThrottleLimit.REQUESTS, arrivals.peekFirst() + limits.windowNanos() - now, now, limits);
        }
        if (limits.executionNanosPerWindow() > 0 && executionNanosInWindow >= limits.executionNanosPerWindow()) {
            return throttle(ThrottleLimit.EXECUTION_TIME, untilExecutionTimeFrees(now, limits), now, limits);
        }
        if (limits.maxConcurrentRequests() > 0 && inFlight >= limits.maxConcurrentRequests()) {
            // Refused at once and for a moment only: the condition ends when a request in flight ends.
            return refused(ThrottleLimit.CONCURRENCY, limits.concurrencyRetryNanos(), limits);
        }
        arrivals.addLast(now);
        inFlight++;
        return ServiceProtectionLimits.Admission.admitted(this, remainingRequests(limits), remainingNanos(limits));
    }

    /** Records the end of an admitted request that ran for {@code nanos}. */
    synchronized void completed(long now, long nanos) {
        inFlight--;
        executions.addLast(new Execution(now, nanos));
        executionNanosInWindow += nanos;
    }

    private ServiceProtectionLimits.Admission throttle(ThrottleLimit limit, long waitNanos, long now,
            ServiceProtectionLimits limits) {
        long wait = Math.max(waitNanos, 0);
        throttledBy = limit;
        throttledUntil = now + wait;
        return refused(limit, wait, limits);
    }

    private ServiceProtectionLimits.Admission refused(ThrottleLimit limit, long waitNanos,
            ServiceProtectionLimits limits) {
        return ServiceProtectionLimits.Admission.refused(limit, waitNanos, remainingRequests(limits),
                remainingNanos(limits));
    }

    /** How long until enough execution time leaves the window for the total to fall below the limit. */
    private long untilExecutionTimeFrees(long now, ServiceProtectionLimits limits) {
        long total = executionNanosInWindow;
        for (Execution e : executions) {
            total -= e.nanos();
            if (total < limits.executionNanosPerWindow()) {
                return e.endedAt() + limits.windowNanos() - now;
            }
        }
        return 0;
    }

    private void forgetBefore(long windowStart) {
        while (!arrivals.isEmpty() && arrivals.peekFirst() - windowStart <= 0) {
            arrivals.removeFirst();
        }
        while (!executions.isEmpty() && executions.peekFirst().endedAt() - windowStart <= 0) {
            executionNanosInWindow -= executions.removeFirst().nanos();
        }
    }

    private int remainingRequests(ServiceProtectionLimits limits) {
        return Math.max(0, limits.requestsPerWindow() - arrivals.size());
    }

    private long remainingNanos(ServiceProtectionLimits limits) {
        return Math.max(0, limits.executionNanosPerWindow() - executionNanosInWindow);
    }
}
