package dev.ferry.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ferry.emulator.schema.Table;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EmulatorMainTest {

    @Test
    void withoutOptionsServesTheCrmSchemaOnTheSourcePortWithEverythingOff() {
        EmulatorOptions o = parse();

        assertThat(o.port()).isEqualTo(EmulatorMain.DEFAULT_PORT);
        assertThat(o.host()).isEqualTo("127.0.0.1");
        assertThat(o.schema().name()).isEqualTo("crm");
        assertThat(o.seed()).isEmpty();
        assertThat(o.randomSeed()).isEqualTo(EmulatorOptions.defaults().randomSeed());
        assertThat(o.threads()).isEqualTo(EmulatorOptions.defaults().threads());
        assertThat(o.maxPageSize()).isEqualTo(EmulatorOptions.DEFAULT_MAX_PAGE_SIZE);
        assertThat(o.requestsPerWindow()).isZero();
        assertThat(o.executionTimePerWindow()).isZero();
        assertThat(o.maxConcurrentRequests()).isZero();
        assertThat(o.window()).isEqualTo(EmulatorOptions.DEFAULT_WINDOW);
        assertThat(o.fixedLatency()).isZero();
        assertThat(o.failureRate()).isZero();
        assertThat(o.resetRate()).isZero();
        assertThat(o.requireBearerToken()).isFalse();
    }

    @Test
    void everyOptionMapsToItsSetting() {
        EmulatorOptions o = parse("--port", "6000", "--host", "0.0.0.0", "--seed", "account=10,contact=30",
                "--random-seed", "7", "--max-page-size", "500", "--threads", "128", "--requests-per-window", "6000",
                "--execution-time-per-window", "1200000", "--max-concurrent-requests", "52", "--window", "300s",
                "--latency", "100", "--latency-jitter", "20ms", "--latency-per-record", "2", "--failure-rate", "0.1",
                "--reset-rate", "0.05", "--token", "abc");

        assertThat(o.port()).isEqualTo(6000);
        assertThat(o.host()).isEqualTo("0.0.0.0");
        assertThat(o.seed()).containsExactly(Map.entry("account", 10), Map.entry("contact", 30));
        assertThat(o.randomSeed()).isEqualTo(7);
        assertThat(o.maxPageSize()).isEqualTo(500);
        assertThat(o.threads()).isEqualTo(128);
        assertThat(o.requestsPerWindow()).isEqualTo(6000);
        assertThat(o.executionTimePerWindow()).isEqualTo(Duration.ofMinutes(20));
        assertThat(o.maxConcurrentRequests()).isEqualTo(52);
        assertThat(o.window()).isEqualTo(Duration.ofMinutes(5));
        assertThat(o.fixedLatency()).isEqualTo(Duration.ofMillis(100));
        assertThat(o.randomLatency()).isEqualTo(Duration.ofMillis(20));
        assertThat(o.latencyPerRecordWritten()).isEqualTo(Duration.ofMillis(2));
        assertThat(o.failureRate()).isEqualTo(0.1);
        assertThat(o.resetRate()).isEqualTo(0.05);
        assertThat(o.requireBearerToken()).as("--token implies --require-token").isTrue();
        assertThat(o.bearerToken()).isEqualTo("abc");
    }

    @Test
    void readsDurationsAsMillisecondsWithUnitsOrIso() {
        assertThat(parse("--execution-time-per-window", "PT20M").executionTimePerWindow()).isEqualTo(Duration.ofMinutes(20));
        assertThat(parse("--execution-time-per-window", "20m").executionTimePerWindow()).isEqualTo(Duration.ofMinutes(20));
        assertThat(parse("--window", "1h").window()).isEqualTo(Duration.ofHours(1));
        assertThat(parse("--window", "90000").window()).isEqualTo(Duration.ofSeconds(90));
        assertThat(parse("--require-token").bearerToken()).isNull();
        assertThat(parse("--require-token").requireBearerToken()).isTrue();
    }

    @Test
    void readsTheSchemaFromAMetadataFileRestrictedToTheNamedTables(@TempDir Path dir) throws IOException {
        Path metadata = dir.resolve("org.xml");
        try (InputStream in = new GZIPInputStream(getClass().getResourceAsStream("/fixtures/crm2016-v8-DynamicsCRM.xml.gz"))) {
            Files.copy(in, metadata);
        }

        EmulatorOptions o = parse("--schema", metadata.toString(), "--tables", "account,contact", "--seed", "account=5");

        assertThat(o.schema().tables()).extracting(Table::logicalName).containsExactlyInAnyOrder("account", "contact");
        assertThat(o.seed()).containsEntry("account", 5);
    }

    @Test
    void wrongOptionsAreUsageErrorsThatNameTheProblem() {
        assertUsageError("unknown table 'acount'", "--seed", "acount=1");
        assertUsageError("not a whole number", "--seed", "account=many");
        assertUsageError("--failure-rate must be a fraction between 0 and 1", "--failure-rate", "1.5");
        assertUsageError("add up to more than 1", "--failure-rate", "0.6", "--reset-rate", "0.6");
        assertUsageError("is not a duration", "--latency", "soon");
        assertUsageError("--port must be between 0 and 65535", "--port", "70000");
        assertUsageError("--tables applies to a schema read from a file", "--tables", "account");
        assertUsageError("neither 'crm' nor a readable $metadata file", "--schema", "/no/such/file.xml");
        assertUsageError("Unknown option", "--colour", "blue");
        assertUsageError("Invalid value", "--threads", "many");
    }

    @Test
    void runsAsAProcessPrintsWhereItIsAndStopsOnSigterm() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                EmulatorMain.class.getName(), "--port", "0", "--seed", "account=25,lead=5")
                .redirectErrorStream(true).start();
        List<String> output = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> readLines(process.getInputStream(), output), "emulator-output");
        reader.setDaemon(true);
        reader.start();
        try {
            Pattern ready = Pattern.compile("Dataverse emulator ready at (\\S+) \\(admin (\\S+)\\)");
            await().atMost(Duration.ofSeconds(30)).until(() -> output.stream().anyMatch(l -> ready.matcher(l).find()));
            Matcher m = output.stream().map(ready::matcher).filter(Matcher::find).findFirst().orElseThrow();
            assertThat(m.group(1)).endsWith("/api/data/v9.2/");
            assertThat(output).anyMatch(l -> l.startsWith("Seeded account=25, lead=5"));

            HttpResponse<String> tables = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(m.group(2) + "tables")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(tables.body()).contains("\"account\":25");
        } finally {
            process.destroy();
        }
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
    }

    private static EmulatorOptions parse(String... args) {
        EmulatorMain main = new EmulatorMain();
        EmulatorMain.commandLine(main).parseArgs(args);
        return main.toOptions();
    }

    private static void assertUsageError(String message, String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = EmulatorMain.commandLine(new EmulatorMain());
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));

        int exit = cl.execute(args);

        assertThat(exit).as(String.join(" ", args)).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).as(String.join(" ", args)).contains(message).contains("Usage: ferry-emulator");
    }

    private static void readLines(InputStream in, List<String> into) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                into.add(line);
            }
        } catch (IOException e) {
            into.add("output closed: " + e.getMessage());
        }
    }
}
