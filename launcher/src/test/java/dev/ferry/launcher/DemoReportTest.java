package dev.ferry.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DemoReportTest {
    @Test
    void printsEveryTablesRowsAndTheFirstDifferenceOfATableThatDiffers() {
        StringWriter text = new StringWriter();
        List<TargetVerifier.TableResult> results = List.of(
                new TargetVerifier.TableResult("account", new ExportComparator.Comparison(10_000, 10_000, Optional.empty())),
                new TargetVerifier.TableResult("contact", new ExportComparator.Comparison(25_000, 24_999,
                        Optional.of(new ExportComparator.Difference(1_234, "{\"contactid\":\"c1\"}", "{\"contactid\":\"c2\"}")))));

        boolean matched = DemoCommand.printVerification(results, new PrintWriter(text, true));

        assertThat(matched).isFalse();
        assertThat(text.toString())
                .containsPattern("account +10,000 +10,000 +equal")
                .containsPattern("contact +25,000 +24,999 +differs from line 1,234")
                .contains("contact, line 1,234:", "  source: {\"contactid\":\"c1\"}", "  target: {\"contactid\":\"c2\"}");
    }

    @Test
    void allTablesEqualMatch() {
        List<TargetVerifier.TableResult> results = List.of(
                new TargetVerifier.TableResult("team", new ExportComparator.Comparison(10, 10, Optional.empty())));

        assertThat(DemoCommand.printVerification(results, new PrintWriter(new StringWriter()))).isTrue();
    }

    @Test
    void timesTheMigrationAsTheCoordinatorRecordedItWhenItDid() {
        Instant created = Instant.parse("2025-01-01T10:00:00Z");
        CoordinatorClient.Run run = new CoordinatorClient.Run("r1", "demo", "SUCCEEDED", List.of(), 0, Optional.of(created),
                Optional.of(created.plusMillis(12_300)), Optional.empty(), List.of(), 0, 0, 0);

        assertThat(DemoCommand.migrationTime(new MigrationFollower.Outcome(run, Duration.ofSeconds(14), 0)))
                .isEqualTo(Duration.ofMillis(12_300));
        CoordinatorClient.Run unfinished = new CoordinatorClient.Run("r1", "demo", "SUCCEEDED", List.of(), 0,
                Optional.of(created), Optional.empty(), Optional.empty(), List.of(), 0, 0, 0);
        assertThat(DemoCommand.migrationTime(new MigrationFollower.Outcome(unfinished, Duration.ofSeconds(14), 0)))
                .isEqualTo(Duration.ofSeconds(14));
    }
}
