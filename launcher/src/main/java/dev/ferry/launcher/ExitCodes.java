package dev.ferry.launcher;

/** The exit statuses of {@code ./ferry}, the same for every command so that scripts can rely on them. */
final class ExitCodes {
    /** The command did what it was asked: the stack started or stopped, the run succeeded, the demo verified. */
    static final int OK = 0;
    /** The command ran but its outcome is a failure: a run failed or was cancelled, a verification mismatched. */
    static final int FAILED = 1;
    /** Bad input: an unknown command or option, a missing or malformed plan file. */
    static final int USAGE = 2;
    /** The coordinator does not answer: the stack is not running. */
    static final int NOT_RUNNING = 3;

    private ExitCodes() {
    }
}
