package dev.ferry.emulator.seed;

import dev.ferry.emulator.store.Row;
import dev.ferry.emulator.store.TableStore;
import java.util.SplittableRandom;
import java.util.UUID;

/** The ids a generated lookup may point at in one table: rows stored before the run, then generated rows. */
final class IdPool {
    private final UUID[] existing;
    private UUID[] generated = new UUID[0];

    IdPool(TableStore store) {
        UUID[] ids = new UUID[store.size()];
        int n = 0;
        for (Row r : store.rows()) {
            if (n == ids.length) {
                break;
            }
            ids[n++] = r.id();
        }
        this.existing = n == ids.length ? ids : java.util.Arrays.copyOf(ids, n);
    }

    void generated(UUID[] ids) {
        this.generated = ids;
    }

    int existingCount() {
        return existing.length;
    }

    int size() {
        return existing.length + generated.length;
    }

    boolean isEmpty() {
        return size() == 0;
    }

    UUID pick(SplittableRandom random) {
        return at(random.nextInt(size()));
    }

    /** A row before generated row {@code index}: any stored row or an earlier generated one. */
    UUID pickBefore(SplittableRandom random, int index) {
        return at(random.nextInt(existing.length + index));
    }

    int countBefore(int index) {
        return existing.length + index;
    }

    private UUID at(int i) {
        return i < existing.length ? existing[i] : generated[i - existing.length];
    }
}
