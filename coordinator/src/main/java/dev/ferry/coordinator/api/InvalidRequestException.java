package dev.ferry.coordinator.api;

/** A request parameter out of its bounds. */
public class InvalidRequestException extends RuntimeException {

    public InvalidRequestException(String message) {
        super(message);
    }
}
