package dev.ferry.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackStarterTest {
    @Test
    void aProgramThatFailsToStartIsReportedWithItsLogAndNothingIsLeftRunning(@TempDir Path home) {
        FakeRepository repository = FakeRepository.create(home);

        CommandRun run = CommandRun.of(repository.workspace(), FerryMainTest.prepend("up", FreePorts.options(FreePorts.stack())));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.out()).contains("Starting the Kafka broker (kafka) ... failed")
                .contains("The stack did not start; stopping what had started.");
        assertThat(run.err()).contains("kafka exited with status 1 before it was ready")
                .contains(".ferry/logs/kafka.log")
                .contains("Invalid or corrupt jarfile")
                .contains("Fix the cause above");
        assertThat(new RunDirectory(repository.workspace()).pidFiles()).isEmpty();
    }
}
