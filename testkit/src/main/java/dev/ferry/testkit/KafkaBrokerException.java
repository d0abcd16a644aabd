package dev.ferry.testkit;

/** The broker could not be started or stopped; the message says what to fix. */
public final class KafkaBrokerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    KafkaBrokerException(String message) {
        super(message);
    }

    KafkaBrokerException(String message, Throwable cause) {
        super(message, cause);
    }
}
