package dev.ferry.loader;

import dev.ferry.common.contract.LoadProgress;

/** Where the loader reports its progress per batch ({@code ferry.events} in the service). */
@FunctionalInterface
public interface ProgressSink {
    void report(LoadProgress progress);
}
