package dev.ferry.emulator.protect;

import dev.ferry.emulator.http.ErrorCodes;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.util.Locale;

/** Dataverse's three service protection limits, with the error code and message each is refused with. */
enum ThrottleLimit {
    REQUESTS(ErrorCodes.THROTTLE_REQUESTS),
    EXECUTION_TIME(ErrorCodes.THROTTLE_EXECUTION_TIME),
    CONCURRENCY(ErrorCodes.THROTTLE_CONCURRENCY);

    private final String code;

    ThrottleLimit(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    /** Dataverse's message for this limit, with the emulator's configured values in place of the defaults. */
    String message(int requestsPerWindow, Duration executionTimePerWindow, int maxConcurrent, Duration window) {
        return switch (this) {
            case REQUESTS -> "Number of requests exceeded the limit of " + requestsPerWindow
                    + " over time window of " + seconds(window) + " seconds.";
            case EXECUTION_TIME -> "Combined execution time of incoming requests exceeded limit of "
                    + grouped(executionTimePerWindow.toMillis()) + " milliseconds over time window of "
                    + seconds(window) + " seconds. Decrease number of concurrent requests or reduce the duration"
                    + " of requests and try again later.";
            case CONCURRENCY -> "Number of concurrent requests exceeded the limit of " + maxConcurrent + ".";
        };
    }

    private static String seconds(Duration window) {
        long millis = window.toMillis();
        return millis % 1000 == 0 ? Long.toString(millis / 1000)
                : new DecimalFormat("0.###", DecimalFormatSymbols.getInstance(Locale.US)).format(millis / 1000.0);
    }

    private static String grouped(long value) {
        return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.US)).format(value);
    }
}
