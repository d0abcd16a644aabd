package dev.ferry.emulator.seed;

import dev.ferry.emulator.store.Store;
import java.util.Map;

/** Generates deterministic sample rows: same random seed and counts, same rows. */
public final class Seeder {
    private final Store store;
    private final long randomSeed;

    public Seeder(Store store, long randomSeed) {
        this.store = store;
        this.randomSeed = randomSeed;
    }

    /** Adds {@code count} generated rows to each named table. */
    public void seed(Map<String, Integer> counts) {
        throw new UnsupportedOperationException("seeding not built yet");
    }
}
