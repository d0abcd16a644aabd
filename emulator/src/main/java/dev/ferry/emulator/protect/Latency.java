package dev.ferry.emulator.protect;

import dev.ferry.emulator.EmulatorOptions;
import java.time.Duration;
import java.util.Random;

/**
 * The delay that makes the emulator look like a service far away: a fixed part, a uniformly
 * random part and a cost per record the request writes.
 */
final class Latency {
    /** Keeps the delay sequence apart from other generators seeded with the same random seed. */
    private static final long STREAM = 0x1A7E_4C1L;

    private final long fixedNanos;
    private final long randomNanos;
    private final long perRecordNanos;
    private final Random random;

    Latency(EmulatorOptions options) {
        this.fixedNanos = options.fixedLatency().toNanos();
        this.randomNanos = options.randomLatency().toNanos();
        this.perRecordNanos = options.latencyPerRecordWritten().toNanos();
        if (fixedNanos < 0 || randomNanos < 0 || perRecordNanos < 0) {
            throw new IllegalArgumentException("latencies must not be negative");
        }
        this.random = new Random(options.randomSeed() ^ STREAM);
    }

    boolean enabled() {
        return fixedNanos > 0 || randomNanos > 0 || perRecordNanos > 0;
    }

    /** Whether the delay depends on what the request writes (so its records must be counted). */
    boolean chargesPerRecord() {
        return perRecordNanos > 0;
    }

    Duration delay(int recordsWritten) {
        long jitter = randomNanos > 0 ? (long) (random.nextDouble() * randomNanos) : 0;
        return Duration.ofNanos(fixedNanos + jitter + perRecordNanos * recordsWritten);
    }

    /** Waits out the delay in the serving thread (the thread pool is sized for requests in progress). */
    static void sleep(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis(), (int) (delay.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            // The server is stopping: answer at once and leave the interrupt for the pool to see.
            Thread.currentThread().interrupt();
        }
    }
}
