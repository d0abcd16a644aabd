package dev.ferry.common.plan;

import java.util.Collection;
import java.util.Optional;

/** Finds the name a user probably meant, for "did you mean" hints in problem messages. */
final class Suggestions {

    /** Edits (insertions, deletions, substitutions) a typo may contain and still be recognised. */
    private static final int MAX_TYPO_DISTANCE = 2;

    private Suggestions() {
    }

    /** The candidate equal ignoring case, else the nearest within a small edit distance, if any. */
    static Optional<String> closest(String name, Collection<String> candidates) {
        if (name == null) {
            return Optional.empty();
        }
        String best = null;
        int bestDistance = MAX_TYPO_DISTANCE + 1;
        for (String candidate : candidates) {
            if (candidate.equalsIgnoreCase(name)) {
                return Optional.of(candidate);
            }
            int distance = distance(name, candidate, bestDistance);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** " Did you mean 'x'?" or nothing: to append to a message. */
    static String didYouMean(String name, Collection<String> candidates) {
        return closest(name, candidates).map(candidate -> " Did you mean '" + candidate + "'?").orElse("");
    }

    /** Levenshtein distance, giving up (returning {@code limit}) once it cannot be below {@code limit}. */
    private static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) >= limit) {
            return limit;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMinimum = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
                rowMinimum = Math.min(rowMinimum, current[j]);
            }
            if (rowMinimum >= limit) {
                return limit;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return Math.min(previous[b.length()], limit);
    }
}
