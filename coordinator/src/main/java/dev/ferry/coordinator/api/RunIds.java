package dev.ferry.coordinator.api;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * New run ids: the plan's name made safe for topic names, then random hex, e.g.
 * {@code prod-to-test-3f9a1c2b}. Only {@code [a-z0-9-]}, so that a run's topic names keep the id
 * as it is ({@link dev.ferry.common.contract.Topics}).
 */
final class RunIds {

    /** Long enough to recognise the plan, short enough for topic names and log lines. */
    private static final int MAX_NAME_PART = 40;
    /** 32 random bits: two runs of the same plan never meet in practice. */
    private static final int RANDOM_BYTES = 4;
    private static final String NAMELESS = "run";

    private static final SecureRandom RANDOM = new SecureRandom();

    private RunIds() {
    }

    static String next(String planName) {
        String slug = planName == null ? "" : planName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_NAME_PART) {
            slug = slug.substring(0, MAX_NAME_PART).replaceAll("-+$", "");
        }
        byte[] random = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(random);
        return (slug.isEmpty() ? NAMELESS : slug) + "-" + HexFormat.of().formatHex(random);
    }
}
