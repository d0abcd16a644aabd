package dev.ferry.emulator.protect;

import dev.ferry.emulator.EmulatorOptions;
import dev.ferry.emulator.http.ApiResponse;
import dev.ferry.emulator.http.DataverseException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Dataverse's service protection limits, per caller (one bearer token, or one address without
 * one), over a sliding window:
 * <ul>
 *   <li>number of requests: at most {@code requestsPerWindow} arrivals in the window
 *       (0x80072322); Retry-After lasts until the oldest arrival leaves the window;</li>
 *   <li>combined execution time: once the requests completed in the window ran for
 *       {@code executionTimePerWindow} in total (delays included), further requests are refused
 *       (0x80072321) until enough of that time leaves the window;</li>
 *   <li>concurrent requests: a request arriving while {@code maxConcurrentRequests} of the
 *       caller's requests are in progress is refused at once (0x80072326) with a Retry-After of
 *       {@link #CONCURRENCY_RETRY_AFTER}; it does not throttle the caller's later requests.</li>
 * </ul>
 * Extended when the caller keeps sending: after a window limit refuses a request, the caller is
 * throttled until its Retry-After time. Every request it sends before then is refused with the same
 * error and pushes that time {@link #PENALTY_PER_REQUEST} further out, up to one more window; so
 * the Retry-After a persistent caller sees keeps growing. A caller that waits is served again
 * as soon as the window has room. Refused requests do not count as arrivals.
 */
final class ServiceProtectionLimits {
    /** How long a caller refused for concurrency is told to wait. */
    public static final Duration CONCURRENCY_RETRY_AFTER = Duration.ofSeconds(1);
    /** How much longer a throttled caller waits for each request it sends while throttled. */
    public static final Duration PENALTY_PER_REQUEST = Duration.ofSeconds(1);
    /** Remaining requests in the caller's window (sent when the number of requests is limited). */
    public static final String BURST_REMAINING_HEADER = "x-ms-ratelimit-burst-remaining-xrm-requests";
    /** Remaining combined execution time in seconds, as {@code 1,199.46} (sent when execution time is limited). */
    public static final String TIME_REMAINING_HEADER = "x-ms-ratelimit-time-remaining-xrm-requests";

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /** Whether a request may be served, and the figures its response headers report. */
    public record Admission(CallerBudget budget, ThrottleLimit refusedBy, long retryAfterNanos,
            int remainingRequests, long remainingExecutionNanos) {

        static Admission admitted(CallerBudget budget, int remainingRequests, long remainingNanos) {
            return new Admission(budget, null, 0, remainingRequests, remainingNanos);
        }

        static Admission refused(ThrottleLimit limit, long retryAfterNanos, int remainingRequests,
                long remainingNanos) {
            return new Admission(null, limit, retryAfterNanos, remainingRequests, remainingNanos);
        }

        public boolean admitted() {
            return refusedBy == null;
        }

        /** The Retry-After header value: whole seconds, rounded up, at least 1. */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfterNanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND);
        }
    }

    private final int requestsPerWindow;
    private final Duration executionTimePerWindow;
    private final int maxConcurrentRequests;
    private final Duration window;
    private final long windowNanos;
    private final long executionNanosPerWindow;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<String, CallerBudget> callers = new ConcurrentHashMap<>();

    public ServiceProtectionLimits(EmulatorOptions options) {
        this(options, System::nanoTime);
    }

    /** With a clock of nanosecond ticks, for tests that move time themselves. */
    public ServiceProtectionLimits(EmulatorOptions options, LongSupplier nanoClock) {
        this.requestsPerWindow = options.requestsPerWindow();
        this.executionTimePerWindow = options.executionTimePerWindow();
        this.maxConcurrentRequests = options.maxConcurrentRequests();
        this.window = options.window();
        if (requestsPerWindow < 0 || maxConcurrentRequests < 0 || executionTimePerWindow.isNegative()) {
            throw new IllegalArgumentException("service protection limits must be 0 (off) or more");
        }
        if (window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("the service protection window must be longer than zero, not " + window);
        }
        this.windowNanos = window.toNanos();
        this.executionNanosPerWindow = executionTimePerWindow.toNanos();
        this.nanoClock = nanoClock;
    }

    public boolean enabled() {
        return requestsPerWindow > 0 || executionNanosPerWindow > 0 || maxConcurrentRequests > 0;
    }

    /** Admits one request of {@code caller} now, or refuses it; an admitted request must be {@link #completed}. */
    public Admission admit(String caller) {
        return callers.computeIfAbsent(caller, c -> new CallerBudget()).admit(nanoClock.getAsLong(), this);
    }

    /** Records that an admitted request ended after running for {@code nanos} (its delays included). */
    public void completed(Admission admission, long nanos) {
        admission.budget().completed(nanoClock.getAsLong(), nanos);
    }

    public long now() {
        return nanoClock.getAsLong();
    }

    /** Dataverse's 429 for a refused request, with Retry-After. */
    public ApiResponse tooManyRequests(Admission refused) {
        DataverseException e = new DataverseException(429, refused.refusedBy().code(), refused.refusedBy()
                .message(requestsPerWindow, executionTimePerWindow, maxConcurrentRequests, window));
        return withHeaders(ApiResponse.error(e).withHeader("Retry-After", Long.toString(refused.retryAfterSeconds())),
                refused);
    }

    /** Adds the remaining-budget headers Dataverse sends, for the limits that are on. */
    public ApiResponse withHeaders(ApiResponse response, Admission admission) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (requestsPerWindow > 0) {
            headers.put(BURST_REMAINING_HEADER, Integer.toString(admission.remainingRequests()));
        }
        if (executionNanosPerWindow > 0) {
            headers.put(TIME_REMAINING_HEADER, seconds(admission.remainingExecutionNanos()));
        }
        ApiResponse r = response;
        for (Map.Entry<String, String> h : headers.entrySet()) {
            r = r.withHeader(h.getKey(), h.getValue());
        }
        return r;
    }

    /** Seconds with two decimals and a grouping separator, as Dataverse writes them ({@code 1,200.00}). */
    private static String seconds(long nanos) {
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US))
                .format(nanos / (double) NANOS_PER_SECOND);
    }

    int requestsPerWindow() {
        return requestsPerWindow;
    }

    long executionNanosPerWindow() {
        return executionNanosPerWindow;
    }

    int maxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    long windowNanos() {
        return windowNanos;
    }

    long penaltyNanos() {
        return PENALTY_PER_REQUEST.toNanos();
    }

    /** The longest a caller is throttled: one window of waiting plus at most one window of penalties. */
    long maxThrottleNanos() {
        return 2 * windowNanos;
    }

    long concurrencyRetryNanos() {
        return CONCURRENCY_RETRY_AFTER.toNanos();
    }
}
