package dev.ferry.emulator.seed;

import dev.ferry.emulator.schema.Schema;
import dev.ferry.emulator.schema.Table;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads how many rows to generate per table, written as {@code account=10000,contact=30000}, and
 * checks the names and numbers against a schema, with an error that says what is wrong.
 */
public final class SeedSpec {

    private SeedSpec() {
    }

    /** Parses a spec; an empty or blank spec seeds nothing. */
    public static Map<String, Integer> parse(String spec, Schema schema) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) {
            return counts;
        }
        for (String entry : spec.split(",")) {
            String e = entry.trim();
            int eq = e.indexOf('=');
            if (eq <= 0 || eq == e.length() - 1) {
                throw new IllegalArgumentException("seed entry '" + e + "' must be TABLE=COUNT, e.g. account=10000");
            }
            String table = e.substring(0, eq).trim();
            String number = e.substring(eq + 1).trim();
            int count;
            try {
                count = Integer.parseInt(number);
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("row count '" + number + "' for table '" + table
                        + "' is not a whole number (at most " + Integer.MAX_VALUE + ")", ex);
            }
            if (counts.put(table, count) != null) {
                throw new IllegalArgumentException("table '" + table + "' appears twice in the seed spec");
            }
        }
        return validate(counts, schema);
    }

    /** Checks that every table exists and every count is 0 or more; returns the counts in the given order. */
    public static Map<String, Integer> validate(Map<String, Integer> counts, Schema schema) {
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (schema.table(e.getKey()).isEmpty()) {
                throw new IllegalArgumentException("unknown table '" + e.getKey() + "' in seed spec; schema "
                        + schema.name() + " has: " + schema.tables().stream().map(Table::logicalName)
                                .collect(Collectors.joining(", ")));
            }
            if (schema.table(e.getKey()).get().isIntersect() && e.getValue() != null && e.getValue() > 0) {
                throw new IllegalArgumentException("table '" + e.getKey() + "' is a many-to-many intersect table: "
                        + "its rows follow the associations, which seeding the tables on both sides creates");
            }
            if (e.getValue() == null || e.getValue() < 0) {
                throw new IllegalArgumentException("row count for table '" + e.getKey() + "' must be 0 or more, not "
                        + e.getValue());
            }
        }
        return new LinkedHashMap<>(counts);
    }
}
