package dev.ferry.emulator.http;

/**
 * A failed request, answered in Dataverse's error shape
 * {@code {"error":{"code":"0x...","message":"..."}}} with an HTTP status.
 */
public class DataverseException extends RuntimeException {
    private final int status;
    private final String code;

    public DataverseException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    /** Dataverse's hexadecimal error code, e.g. {@code 0x80040217}. */
    public String code() {
        return code;
    }
}
