package dev.ferry.emulator.store;

import java.util.Comparator;
import java.util.UUID;

/** Orders record ids as their canonical text sorts, which is the order rows are paged and exported in. */
public final class Ids {
    /** Unsigned comparison of both halves equals the lexical order of the lowercase hex form. */
    public static final Comparator<UUID> ORDER = (a, b) -> {
        int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    };

    private Ids() {
    }
}
