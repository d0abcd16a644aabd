package dev.ferry.common.contract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Every Kafka topic name Ferry uses, in one place.
 *
 * <p><b>Sanitising rule</b> for the run and table parts of per-run topics. Kafka allows
 * {@code [a-zA-Z0-9._-]} and at most {@value #MAX_TOPIC_LENGTH} characters, and treats {@code .}
 * and {@code _} as the same in metric names (two topics that differ only there collide). So:
 * <ol>
 *   <li>a run id keeps {@code [a-zA-Z0-9-]}; every other character, {@code .} and {@code _}
 *       included, becomes {@code -}. With no {@code _} or {@code .} in the run part, the
 *       boundary between run and table stays unambiguous even in metric names;</li>
 *   <li>a table keeps {@code [a-zA-Z0-9_-]} (Dataverse names such as {@code new_project} stay
 *       readable); every other character becomes {@code -};</li>
 *   <li>a part longer than {@value #MAX_PART_LENGTH} characters is cut to that length;</li>
 *   <li>a part that was changed by 1 or 3 gets {@code -} and the first {@value #HASH_LENGTH} hex
 *       digits of the SHA-256 of the original appended, so that {@code a.b} and {@code a-b} do
 *       not share a topic.</li>
 * </ol>
 * The longest result, {@code ferry.data.} + 2 × ({@value #MAX_PART_LENGTH} + 1 +
 * {@value #HASH_LENGTH}) + {@code .}, stays under Kafka's limit.
 */
public final class Topics {

    /** Run state, event-sourced; compacted, keyed by run id. */
    public static final String RUNS = "ferry.runs";
    /** Table released / cancelled; compacted, keyed by run id and table. */
    public static final String CONTROL = "ferry.control";
    /** Extract tasks, consumed by the extractors' group. */
    public static final String EXTRACT_TASKS = "ferry.tasks.extract";
    /** Progress and completion events of extractors and loaders, consumed by the coordinator. */
    public static final String EVENTS = "ferry.events";
    /** Extractors' checkpoints (the next page of each table or slice); compacted, keyed by run, table and slice. */
    public static final String EXTRACT_CHECKPOINTS = "ferry.checkpoints.extract";

    public static final String DATA_PREFIX = "ferry.data.";
    public static final String DEAD_LETTER_PREFIX = "ferry.dlq.";
    /** What the loaders subscribe to: every data topic of every run. */
    public static final Pattern DATA_TOPIC_PATTERN = Pattern.compile("ferry\\.data\\..*");

    /** Kafka's limit on a topic name. */
    public static final int MAX_TOPIC_LENGTH = 249;
    static final int MAX_PART_LENGTH = 100;
    static final int HASH_LENGTH = 8;

    private static final Pattern NOT_ALLOWED_IN_RUN = Pattern.compile("[^a-zA-Z0-9-]");
    private static final Pattern NOT_ALLOWED_IN_TABLE = Pattern.compile("[^a-zA-Z0-9_-]");
    private static final String REPLACEMENT = "-";
    private static final char SEPARATOR = '.';

    private Topics() {
    }

    /** {@code ferry.data.<run>.<table>}: the records of one table of one run, keyed by source record id. */
    public static String data(String runId, String table) {
        return dataPrefix(runId) + sanitise(table, NOT_ALLOWED_IN_TABLE);
    }

    /** {@code ferry.data.<run>.}: what every data topic of the run starts with, and no other run's. */
    public static String dataPrefix(String runId) {
        return DATA_PREFIX + sanitise(runId, NOT_ALLOWED_IN_RUN) + SEPARATOR;
    }

    /** {@code ferry.dlq.<run>}: the records the target rejected in one run, with the reasons. */
    public static String deadLetters(String runId) {
        return DEAD_LETTER_PREFIX + sanitise(runId, NOT_ALLOWED_IN_RUN);
    }

    private static String sanitise(String part, Pattern notAllowed) {
        if (part == null || part.isEmpty()) {
            throw new IllegalArgumentException("A topic name part must not be empty");
        }
        String replaced = notAllowed.matcher(part).replaceAll(REPLACEMENT);
        String cut = replaced.length() > MAX_PART_LENGTH ? replaced.substring(0, MAX_PART_LENGTH) : replaced;
        return cut.equals(part) ? part : cut + REPLACEMENT + shortHash(part);
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
