package dev.ferry.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The demo's plan: every crm table from {@code source} to {@code target}, with the default options written
 * out so that a reader of {@code .ferry/demo-plan.json} sees what can be tuned.
 */
final class DemoPlan {
    static final String NAME = "demo";
    /** PlanOptions' defaults (common): records per source page, per target write, and writes in flight. */
    static final int PAGE_SIZE = 5000;
    static final int BATCH_SIZE = 500;
    static final int MAX_CONCURRENCY = 16;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DemoPlan() {
    }

    static String json() {
        ObjectNode plan = JSON.createObjectNode();
        plan.put("name", NAME);
        plan.put("source", EnvironmentOption.SOURCE);
        plan.put("target", EnvironmentOption.TARGET);
        ArrayNode tables = plan.putArray("tables");
        for (CrmSample.SampleTable table : CrmSample.TABLES) {
            tables.addObject().put("entitySet", table.entitySet());
        }
        plan.putObject("options").put("pageSize", PAGE_SIZE).put("batchSize", BATCH_SIZE)
                .put("maxConcurrency", MAX_CONCURRENCY);
        try {
            return JSON.writeValueAsString(plan) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the plan to {@code file} (creating its directory) and returns its text. */
    static String write(Path file) {
        String json = json();
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw LauncherException.failed("Cannot write the demo plan to " + file + " (" + e.getMessage()
                    + "): check that the directory is writable.", e);
        }
        return json;
    }
}
