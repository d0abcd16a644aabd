package dev.ferry.emulator.seed;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one seeding run added: rows per table and associations per many-to-many relationship.
 *
 * @param rows rows generated per table logical name
 * @param associations associations added per relationship schema name
 */
public record SeedResult(Map<String, Integer> rows, Map<String, Long> associations, Duration elapsed) {

    public SeedResult {
        rows = Map.copyOf(rows);
        associations = Map.copyOf(associations);
    }

    public long totalRows() {
        return rows.values().stream().mapToLong(Integer::longValue).sum();
    }

    /** e.g. {@code account=100, contact=300; accountleads_association=150} */
    public String summary() {
        String r = rows.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
        String a = associations.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
        return a.isEmpty() ? r : r + "; " + a;
    }
}
