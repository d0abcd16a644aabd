package dev.ferry.launcher;

import java.time.Duration;
import java.util.Locale;

/** Durations and counts as people read them. */
final class Durations {
    private Durations() {
    }

    /** {@code 2.1 s}, or {@code 3 min 05 s} from a minute up. */
    static String seconds(Duration duration) {
        double seconds = duration.toMillis() / 1000.0;
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long whole = Math.round(seconds);
        return String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
    }

    /** {@code 12,345}. */
    static String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }
}
