package dev.ferry.common.odata;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How the OData client talks to every environment: timeouts, retries and caching
 * ({@code ferry.odata.*}). Durations take Quarkus's forms ({@code 500ms}, {@code 60s}, {@code 5m},
 * {@code PT5M}).
 */
@ConfigMapping(prefix = "ferry.odata")
public interface ODataClientConfig {

    /** How long one request may wait for the service's answer (read timeout). Default 60s. */
    @WithDefault("60s")
    Duration requestTimeout();

    /** How long opening a connection may take. Default 10s. */
    @WithDefault("10s")
    Duration connectTimeout();

    /** Retries of retriable failures (429, 5xx, I/O): {@code ferry.odata.retry.*}. */
    Retry retry();

    /** Caching of what rarely changes: {@code ferry.odata.metadata.*}. */
    Metadata metadata();

    /** Retries of one call; a call ends at whichever bound it meets first. */
    interface Retry {

        /** Retries after the first attempt, at most. Default 8. */
        @WithDefault("8")
        int maxRetries();

        /** No retry starts after this long since the first attempt. Default 5m. */
        @WithDefault("5m")
        Duration maxDuration();

        /** The wait before the first retry; doubled for each further one. Default 500ms. */
        @WithDefault("500ms")
        Duration initialBackoff();

        /**
         * The longest wait between two attempts of the exponential backoff. A service's Retry-After is
         * honoured as it is, even when longer (bounded by {@link #maxDuration()}). Default 60s.
         */
        @WithDefault("60s")
        Duration maxBackoff();

        /**
         * Random spread added to each backoff, as a fraction of it (0.2 = up to 20% more), so that
         * concurrent callers throttled together do not come back together. Default 0.2.
         */
        @WithDefault("0.2")
        double jitter();
    }

    /** Caching of {@code $metadata} and attribute definitions. */
    interface Metadata {

        /**
         * How long a read {@code $metadata} document (and attribute definitions) is reused before
         * it is read again. Default 1h; {@code 0s} reads it on every call.
         */
        @WithDefault("1h")
        Duration cacheTtl();
    }
}
