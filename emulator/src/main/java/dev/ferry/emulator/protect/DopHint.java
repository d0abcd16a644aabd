package dev.ferry.emulator.protect;

import dev.ferry.emulator.EmulatorOptions;

/**
 * The {@code x-ms-dop-hint} header: the degree of parallelism Dataverse recommends to a client.
 * The emulator sends {@link #DEFAULT}, the value real environments commonly send, lowered to the
 * concurrent request limit when that limit is smaller, so a client that follows the hint is never
 * refused for concurrency.
 */
final class DopHint {
    public static final String HEADER = "x-ms-dop-hint";
    /** What Dataverse environments commonly recommend (trial and small environments send 4). */
    public static final int DEFAULT = 4;

    private DopHint() {
    }

    static int of(EmulatorOptions options) {
        int limit = options.maxConcurrentRequests();
        return limit > 0 ? Math.min(DEFAULT, limit) : DEFAULT;
    }
}
