package dev.ferry.emulator.protect;

import dev.ferry.emulator.EmulatorOptions;
import dev.ferry.emulator.http.ApiResponse;
import dev.ferry.emulator.http.DataverseException;
import dev.ferry.emulator.http.ErrorCodes;
import java.util.Random;

/**
 * Decides which requests fail on purpose: a fraction answered 503 and a fraction whose connection
 * is dropped. One draw per request from a generator seeded with the options' random seed, so a
 * sequence of requests meets the same faults on every run.
 */
final class FaultInjector {
    /** What happens to one request. */
    enum Fault { NONE, SERVICE_UNAVAILABLE, CONNECTION_RESET }

    /** Keeps the fault sequence apart from other generators seeded with the same random seed. */
    private static final long STREAM = 0x5EED_FA17L;

    private final double failureRate;
    private final double resetRate;
    // java.util.Random is thread-safe; its sequence is reproducible when requests arrive one at a time.
    private final Random random;

    FaultInjector(EmulatorOptions options) {
        this.failureRate = options.failureRate();
        this.resetRate = options.resetRate();
        if (failureRate < 0 || resetRate < 0 || failureRate + resetRate > 1) {
            throw new IllegalArgumentException("failure rate (" + failureRate + ") and reset rate (" + resetRate
                    + ") must each be between 0 and 1 and add up to at most 1");
        }
        this.random = new Random(options.randomSeed() ^ STREAM);
    }

    boolean enabled() {
        return failureRate > 0 || resetRate > 0;
    }

    Fault next() {
        if (!enabled()) {
            return Fault.NONE;
        }
        double draw = random.nextDouble();
        if (draw < resetRate) {
            return Fault.CONNECTION_RESET;
        }
        return draw < resetRate + failureRate ? Fault.SERVICE_UNAVAILABLE : Fault.NONE;
    }

    static ApiResponse serviceUnavailable() {
        return ApiResponse.error(new DataverseException(503, ErrorCodes.SERVICE_UNAVAILABLE,
                "The service is temporarily unavailable. Try the request again later."
                        + " (Fault injected by the Ferry Dataverse emulator: --failure-rate.)"));
    }
}
