package dev.ferry.launcher;

/**
 * A failure the launcher explains to the user: the message says what went wrong and what to do, and the
 * exit status says what kind of failure it is (see {@link ExitCodes}). It is printed without a stack trace.
 */
final class LauncherException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    LauncherException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    LauncherException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }

    /** Bad input from the user. */
    static LauncherException usage(String message) {
        return new LauncherException(ExitCodes.USAGE, message);
    }

    /** Something did not work; the message says what to do. */
    static LauncherException failed(String message) {
        return new LauncherException(ExitCodes.FAILED, message);
    }

    /** Something did not work because of {@code cause}; the message says what to do. */
    static LauncherException failed(String message, Throwable cause) {
        return new LauncherException(ExitCodes.FAILED, message, cause);
    }
}
