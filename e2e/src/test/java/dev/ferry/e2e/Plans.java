package dev.ferry.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Plans (DESIGN.md, "Plan") built as JSON, as a user writes them. */
final class Plans {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Plans() {
    }

    /** A plan from environment {@code source} to {@code target} with these tables. */
    static ObjectNode plan(String name, ObjectNode... tables) {
        ObjectNode plan = JSON.createObjectNode().put("name", name).put("source", "source").put("target", "target");
        ArrayNode list = plan.putArray("tables");
        for (ObjectNode table : tables) {
            list.add(table);
        }
        return plan;
    }

    /** A table with every column (no {@code select}). */
    static ObjectNode table(String entitySet) {
        return JSON.createObjectNode().put("entitySet", entitySet);
    }

    /** A table that selects these columns only. */
    static ObjectNode table(String entitySet, List<String> select) {
        ObjectNode table = JSON.createObjectNode().put("entitySet", entitySet);
        select.forEach(table.putArray("select")::add);
        return table;
    }
}
