package dev.ferry.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoPlanTest {
    @TempDir
    Path dir;

    @Test
    void writesEveryCrmTableFromSourceToTargetWithTheDefaultOptions() throws Exception {
        Path file = dir.resolve(".ferry/demo-plan.json");

        String written = DemoPlan.write(file);

        JsonNode plan = new ObjectMapper().readTree(Files.readString(file));
        assertThat(Files.readString(file)).isEqualTo(written);
        assertThat(plan.path("name").asText()).isEqualTo("demo");
        assertThat(plan.path("source").asText()).isEqualTo("source");
        assertThat(plan.path("target").asText()).isEqualTo("target");
        assertThat(plan.path("tables").findValuesAsText("entitySet"))
                .containsExactly("systemusers", "teams", "accounts", "contacts", "leads", "opportunities");
        assertThat(plan.path("options").path("pageSize").asInt()).isEqualTo(5000);
        assertThat(plan.path("options").path("batchSize").asInt()).isEqualTo(500);
        assertThat(plan.path("options").path("maxConcurrency").asInt()).isEqualTo(16);
    }

    @Test
    void isAPlanFileMigrateAccepts() {
        Path file = dir.resolve("demo-plan.json");
        DemoPlan.write(file);

        assertThat(PlanFile.read(file)).contains("\"opportunities\"");
    }
}
