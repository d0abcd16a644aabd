package dev.ferry.common.odata;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The OData client's meters: every HTTP exchange ({@code ferry.odata.requests} by environment,
 * operation and status or {@code io-error}; {@code ferry.odata.request.duration} by environment and
 * operation) and the service's refusals for throttling ({@code ferry.odata.throttled} by environment).
 */
final class ODataMetrics {

    static final String REQUESTS = "ferry.odata.requests";
    static final String THROTTLED = "ferry.odata.throttled";
    static final String DURATION = "ferry.odata.request.duration";
    static final String IO_ERROR = "io-error";

    private static final int TOO_MANY_REQUESTS = 429;

    private final MeterRegistry registry;
    private final String environment;

    ODataMetrics(MeterRegistry registry, String environment) {
        this.registry = registry;
        this.environment = environment;
    }

    /** One exchange that got an answer of {@code status}, or none when null. */
    void record(Operation operation, Integer status, Duration took) {
        Counter.builder(REQUESTS).description("HTTP requests sent to OData services")
                .tag("environment", environment).tag("operation", operation.tag())
                .tag("status", status == null ? IO_ERROR : Integer.toString(status))
                .register(registry).increment();
        Timer.builder(DURATION).description("Time from sending an OData request to its answer")
                .tag("environment", environment).tag("operation", operation.tag())
                .register(registry).record(took);
        if (status != null && status == TOO_MANY_REQUESTS) {
            Counter.builder(THROTTLED).description("Requests an OData service refused with 429 (service protection)")
                    .tag("environment", environment).register(registry).increment();
        }
    }

    /** One request inside a {@code $batch} that the service refused with 429. */
    void throttledPart() {
        Counter.builder(THROTTLED).description("Requests an OData service refused with 429 (service protection)")
                .tag("environment", environment).register(registry).increment();
    }

    /** What an exchange was for, as the {@code operation} tag says it. */
    enum Operation {
        METADATA("metadata"), READ("read"), UPSERT_MULTIPLE("upsert-multiple"), UPDATE_MULTIPLE("update-multiple"), BATCH("batch"), SINGLE("single");

        private final String tag;

        Operation(String tag) {
            this.tag = tag;
        }

        String tag() {
            return tag;
        }
    }
}
