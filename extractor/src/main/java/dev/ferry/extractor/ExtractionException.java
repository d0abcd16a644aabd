package dev.ferry.extractor;

/** A task cannot succeed as it is (no use trying again): the message names the run, table and what is wrong. */
public class ExtractionException extends RuntimeException {

    public ExtractionException(String message) {
        super(message);
    }

    public ExtractionException(String message, Throwable cause) {
        super(message, cause);
    }
}
