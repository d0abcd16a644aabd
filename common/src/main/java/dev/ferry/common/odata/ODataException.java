package dev.ferry.common.odata;

import java.time.Duration;
import java.util.Optional;

/**
 * A request to an OData service failed. Retriable failures (429, 5xx, I/O) are thrown only after
 * the client's retries ran out; fatal ones (other 4xx) at once.
 */
public class ODataException extends RuntimeException {
    private final Integer status;
    private final String code;
    private final boolean retriable;
    private final Duration retryAfter;

    /**
     * @param message    what went wrong, with the service's own message and the request it concerns
     * @param status     the HTTP status, or null when no response came (I/O)
     * @param code       the service's error code (Dataverse: {@code 0x80040217}), or null
     * @param retriable  whether the same request may succeed later
     * @param retryAfter the service's Retry-After, or null
     */
    public ODataException(String message, Integer status, String code, boolean retriable, Duration retryAfter,
            Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
        this.retriable = retriable;
        this.retryAfter = retryAfter;
    }

    public Optional<Integer> status() {
        return Optional.ofNullable(status);
    }

    public Optional<String> code() {
        return Optional.ofNullable(code);
    }

    public boolean retriable() {
        return retriable;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
