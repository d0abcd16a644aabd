package dev.ferry.loader;

/** A record that cannot be written to the target as it is; it goes to the dead-letter topic with this message. */
public class UnmappableRecordException extends RuntimeException {
    public UnmappableRecordException(String message) {
        super(message);
    }

    public UnmappableRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
