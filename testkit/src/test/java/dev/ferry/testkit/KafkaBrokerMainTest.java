package dev.ferry.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class KafkaBrokerMainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dataDir;

    private int run(String... args) {
        CommandLine command = new CommandLine(new KafkaBrokerMain(
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        command.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        command.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        return command.execute(args);
    }

    @Test
    void helpListsEveryOptionWithItsDefault() {
        assertThat(run("--help")).isZero();

        // Picocli wraps long lines: compare with the whitespace collapsed.
        assertThat(out.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " "))
                .contains("--port=<port>", "Default: 9092", "--data-dir=<dataDir>", "Default: .ferry/kafka",
                        "--controller-port=<controllerPort>");
    }

    @Test
    void versionNamesTheKafkaVersion() {
        assertThat(run("--version")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("ferry-kafka: Apache Kafka 4.1.2" + System.lineSeparator());
    }

    @Test
    void aPortInUseEndsWithStatusOneAndSaysWhichPort() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            assertThat(run("--port", Integer.toString(port), "--data-dir", dataDir.toString())).isEqualTo(1);

            assertThat(err.toString(StandardCharsets.UTF_8))
                    .startsWith("Cannot start the Kafka broker: Port " + port + " on 127.0.0.1")
                    .contains("already in use");
        }
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertThat(run("--prot", "9092")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Unknown options: '--prot'").contains("Usage:");
    }
}
