package dev.ferry.emulator.protect;

/** Thrown by the guard when a request is to be answered by dropping its connection (an injected fault). */
public final class ConnectionReset extends RuntimeException {
    public ConnectionReset() {
        super("connection reset on purpose", null, false, false);
    }
}
