package dev.ferry.loader;

/**
 * The target cannot take a table at all (no such entity set, no key): not one record's fault, so
 * its records are held and retried rather than dead-lettered, and the error is logged.
 */
public class TargetTableException extends RuntimeException {
    public TargetTableException(String message) {
        super(message);
    }
}
