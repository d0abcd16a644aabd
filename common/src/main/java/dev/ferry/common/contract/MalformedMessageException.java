package dev.ferry.common.contract;

/** A Kafka message that is not the JSON of the contract type expected: a poison message, not a transient fault. */
public class MalformedMessageException extends RuntimeException {

    public MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
