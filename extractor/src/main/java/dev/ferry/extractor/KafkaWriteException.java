package dev.ferry.extractor;

/** Kafka did not take a record; the cause tells whether trying again may help. */
public class KafkaWriteException extends RuntimeException {

    public KafkaWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
