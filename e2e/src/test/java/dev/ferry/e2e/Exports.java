package dev.ferry.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Compares emulator exports (JSON lines) on the columns a plan migrated. */
final class Exports {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_REPORTED = 10;

    private Exports() {
    }

    /** Each row's id column and {@code columns} (a missing column as {@code null}), by id. */
    static Map<String, ObjectNode> project(List<JsonNode> rows, String idColumn, List<String> columns) {
        Map<String, ObjectNode> byId = new LinkedHashMap<>();
        for (JsonNode row : rows) {
            ObjectNode projected = JSON.createObjectNode();
            for (String column : columns) {
                projected.set(column, row.has(column) ? row.get(column) : JSON.nullNode());
            }
            byId.put(row.get(idColumn).asText(), projected);
        }
        return byId;
    }

    /**
     * What differs between the source and the target on these columns: ids missing from the
     * target, ids the source lacks, rows with other values; empty when the target equals the
     * source. At most a few of each are described, with the counts.
     */
    static List<String> differences(List<JsonNode> source, List<JsonNode> target, String idColumn,
                                    List<String> columns) {
        return differences(project(source, idColumn, columns), project(target, idColumn, columns));
    }

    static List<String> differences(Map<String, ObjectNode> source, Map<String, ObjectNode> target) {
        List<String> missing = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        source.forEach((id, row) -> {
            ObjectNode other = target.get(id);
            if (other == null) {
                missing.add(id);
            } else if (!other.equals(row)) {
                changed.add(id + ": source " + row + " target " + other);
            }
        });
        target.keySet().stream().filter(id -> !source.containsKey(id)).forEach(extra::add);
        List<String> differences = new ArrayList<>();
        describe(differences, "missing from the target", missing);
        describe(differences, "different in the target", changed);
        describe(differences, "in the target only", extra);
        return differences;
    }

    private static void describe(List<String> differences, String what, List<String> rows) {
        if (!rows.isEmpty()) {
            differences.add(rows.size() + " rows " + what + ", e.g. "
                    + rows.subList(0, Math.min(MAX_REPORTED, rows.size())));
        }
    }
}
