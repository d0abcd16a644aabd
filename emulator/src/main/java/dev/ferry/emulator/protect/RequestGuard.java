package dev.ferry.emulator.protect;

import dev.ferry.emulator.EmulatorContext;
import dev.ferry.emulator.RequestCounters;
import dev.ferry.emulator.http.ApiRequest;
import dev.ferry.emulator.http.ApiResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What stands between a caller and the Web API, as in a remote service, in this order: the bearer
 * token check ({@link TokenCheck}, 401), injected faults ({@link FaultInjector}: 503 or a dropped
 * connection), the service protection limits ({@link ServiceProtectionLimits}, 429) and latency
 * ({@link Latency}, which counts as execution time). Every answer carries {@code x-ms-dop-hint}
 * ({@link DopHint}) and is counted in the environment's {@link RequestCounters}. All of it is off
 * unless the options switch it on.
 */
public final class RequestGuard {
    private final RequestCounters counters;
    private final TokenCheck tokens;
    private final FaultInjector faults;
    private final ServiceProtectionLimits limits;
    private final Latency latency;
    private final String dopHint;

    public RequestGuard(EmulatorContext context) {
        this.counters = context.counters();
        this.tokens = new TokenCheck(context.options());
        this.faults = new FaultInjector(context.options());
        this.limits = new ServiceProtectionLimits(context.options());
        this.latency = new Latency(context.options());
        this.dopHint = Integer.toString(DopHint.of(context.options()));
    }

    /**
     * Answers {@code request} with {@code api} unless a limit, fault or token check answers first.
     *
     * @throws ConnectionReset when the request is to be answered by dropping its connection
     */
    public ApiResponse around(ApiRequest request, Supplier<ApiResponse> api) {
        return answered(guarded(request, api).withHeader(DopHint.HEADER, dopHint));
    }

    private ApiResponse guarded(ApiRequest request, Supplier<ApiResponse> api) {
        Optional<ApiResponse> unauthorized = tokens.reject(request);
        if (unauthorized.isPresent()) {
            return unauthorized.get();
        }
        switch (faults.next()) {
            case CONNECTION_RESET -> {
                counters.connectionReset();
                throw new ConnectionReset();
            }
            case SERVICE_UNAVAILABLE -> {
                return FaultInjector.serviceUnavailable();
            }
            case NONE -> {
                // served below
            }
        }
        if (!limits.enabled()) {
            return delayed(request, api);
        }
        ServiceProtectionLimits.Admission admission = limits.admit(request.caller());
        if (!admission.admitted()) {
            return limits.tooManyRequests(admission);
        }
        long start = limits.now();
        try {
            return limits.withHeaders(delayed(request, api), admission);
        } finally {
            limits.completed(admission, limits.now() - start);
        }
    }

    private ApiResponse delayed(ApiRequest request, Supplier<ApiResponse> api) {
        if (latency.enabled()) {
            int records = latency.chargesPerRecord() ? WriteCost.records(request) : 0;
            Duration delay = latency.delay(records);
            Latency.sleep(delay);
        }
        return api.get();
    }

    private ApiResponse answered(ApiResponse response) {
        counters.answered(response.status());
        return response;
    }
}
