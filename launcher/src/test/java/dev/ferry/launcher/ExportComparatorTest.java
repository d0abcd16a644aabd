package dev.ferry.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportComparatorTest {
    @TempDir
    Path dir;

    private ExportComparator.Comparison compare(String source, String target) throws IOException {
        Path s = Files.writeString(dir.resolve("source.jsonl"), source);
        Path t = Files.writeString(dir.resolve("target.jsonl"), target);
        try (BufferedReader a = Files.newBufferedReader(s); BufferedReader b = Files.newBufferedReader(t)) {
            return ExportComparator.compare(a, b);
        }
    }

    @Test
    void equalExportsMatchWithTheirRowCounts() throws IOException {
        ExportComparator.Comparison c = compare("{\"id\":1}\n{\"id\":2}\n", "{\"id\":1}\n{\"id\":2}\n");

        assertThat(c.matches()).isTrue();
        assertThat(c.sourceRows()).isEqualTo(2);
        assertThat(c.targetRows()).isEqualTo(2);
    }

    @Test
    void reportsTheFirstDifferingLineAndStillCountsEveryRow() throws IOException {
        ExportComparator.Comparison c = compare("{\"id\":1}\n{\"id\":2,\"name\":\"a\"}\n{\"id\":3}\n{\"id\":4}\n",
                "{\"id\":1}\n{\"id\":2,\"name\":\"b\"}\n{\"id\":3,\"x\":1}\n{\"id\":4}\n");

        assertThat(c.matches()).isFalse();
        assertThat(c.first()).contains(new ExportComparator.Difference(2, "{\"id\":2,\"name\":\"a\"}", "{\"id\":2,\"name\":\"b\"}"));
        assertThat(c.sourceRows()).isEqualTo(4);
        assertThat(c.targetRows()).isEqualTo(4);
    }

    @Test
    void aTargetWithRowsMissingDiffersWhereItEnds() throws IOException {
        ExportComparator.Comparison c = compare("a\nb\nc\n", "a\n");

        assertThat(c.first()).contains(new ExportComparator.Difference(2, "b", null));
        assertThat(c.sourceRows()).isEqualTo(3);
        assertThat(c.targetRows()).isEqualTo(1);
    }

    @Test
    void aTargetWithExtraRowsDiffers() throws IOException {
        ExportComparator.Comparison c = compare("a\n", "a\nb\n");

        assertThat(c.first()).contains(new ExportComparator.Difference(2, null, "b"));
    }

    @Test
    void twoEmptyExportsMatch() throws IOException {
        assertThat(compare("", "").matches()).isTrue();
    }

    @Test
    void cutsALongDifferingLine() throws IOException {
        String longLine = "x".repeat(1000);

        ExportComparator.Comparison c = compare(longLine + "\n", "y\n");

        assertThat(c.first().orElseThrow().source()).hasSize(ExportComparator.SHOWN_CHARACTERS + 1).endsWith("…");
    }
}
