package dev.ferry.common.metadata;

/** A {@code $metadata} document that could not be read as CSDL. */
public class MetadataReadException extends RuntimeException {

    public MetadataReadException(String message, Throwable cause) {
        super(message, cause);
    }

    public MetadataReadException(String message) {
        super(message);
    }
}
