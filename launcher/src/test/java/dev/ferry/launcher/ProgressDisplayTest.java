package dev.ferry.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProgressDisplayTest {
    private static CoordinatorClient.Run run(long loaded) {
        return new CoordinatorClient.Run("r1", "demo", "RUNNING",
                List.of(new CoordinatorClient.Table("accounts", "LOADING", 10_000, loaded, 0, List.of(), Optional.empty()),
                        new CoordinatorClient.Table("contacts", "WAITING", 0, 0, 0, List.of("accounts"), Optional.empty())),
                2, Optional.empty(), Optional.empty(), Optional.empty(), List.of(), 10_000, loaded, 0);
    }

    @Test
    void onATerminalRedrawsTheSameLinesInPlaceAsColumns() {
        StringWriter text = new StringWriter();
        ProgressDisplay display = new ProgressDisplay(new PrintWriter(text, true), true, 120);

        display.show(run(1_000), Duration.ofSeconds(1));
        display.show(run(5_000), Duration.ofSeconds(2));

        String out = text.toString();
        assertThat(out).contains("\u001b[4A\r"); // back up over the run line, the header and two tables
        String redrawn = out.split("\u001b\\[4A\r")[1];
        assertThat(redrawn).containsPattern("TABLE +STATUS +EXTRACTED +LOADED +REJECTED")
                .containsPattern("\u001b\\[2K  accounts +LOADING +10,000 +5,000 +0")
                .contains("(waits for accounts)")
                .doesNotContain("1,000");
    }

    @Test
    void onANarrowTerminalCutsLinesSoThatNoneWraps() {
        StringWriter text = new StringWriter();
        new ProgressDisplay(new PrintWriter(text, true), true, 40).show(run(1), Duration.ofSeconds(1));

        assertThat(text.toString().replace("\u001b[2K", "").lines()).allMatch(line -> line.length() < 40);
    }

    @Test
    void elsewhereAppendsALabelledLineOnlyWhenATableChanged() {
        StringWriter text = new StringWriter();
        ProgressDisplay display = new ProgressDisplay(new PrintWriter(text, true), false, 80);

        display.show(run(1_000), Duration.ofSeconds(1));
        display.show(run(1_000), Duration.ofSeconds(2));
        display.show(run(5_000), Duration.ofSeconds(3));

        List<String> lines = text.toString().lines().toList();
        assertThat(lines).hasSize(4); // run, accounts, contacts, then accounts again
        assertThat(lines.get(2)).contains("contacts").contains("(waits for accounts)");
        assertThat(lines.get(3)).containsPattern("\\d\\d:\\d\\d:\\d\\d +accounts +LOADING +extracted 10,000  loaded 5,000  rejected 0");
        assertThat(text.toString()).doesNotContain("\u001b");
    }
}
