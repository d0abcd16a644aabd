package dev.ferry.emulator;

import dev.ferry.emulator.csdl.CsdlSchemaReader;
import dev.ferry.emulator.schema.CrmSchema;
import dev.ferry.emulator.schema.ManyToMany;
import dev.ferry.emulator.schema.Schema;
import dev.ferry.emulator.schema.Table;
import dev.ferry.emulator.seed.SeedSpec;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Runs an emulated Dataverse environment as a process until it is stopped (SIGTERM or Ctrl-C).
 * Every option maps to one {@link EmulatorOptions} setting; see emulator/README.md.
 */
@Command(name = "ferry-emulator", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = EmulatorMain.Version.class,
        description = "Serves an emulated Dataverse Web API at http://HOST:PORT/api/data/v9.2/"
                + " and its admin endpoints at http://HOST:PORT/_emulator/.")
public final class EmulatorMain implements Callable<Integer> {
    /** The name of the built-in schema for --schema. */
    static final String BUILT_IN_SCHEMA = CrmSchema.NAME;
    /** The port of the source emulator in Ferry's local setup. */
    static final int DEFAULT_PORT = 5551;
    private static final EmulatorOptions DEFAULTS = EmulatorOptions.defaults();

    @Spec
    CommandSpec spec;

    @Option(names = "--port", description = "TCP port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port = DEFAULT_PORT;

    @Option(names = "--host", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host = DEFAULTS.host();

    @Option(names = "--schema", defaultValue = BUILT_IN_SCHEMA, paramLabel = "crm|FILE",
            description = "The tables to serve: the built-in crm schema, or a Dataverse $metadata (CSDL) file"
                    + " (default: ${DEFAULT-VALUE}).")
    String schema;

    @Option(names = "--tables", split = ",", paramLabel = "TABLE",
            description = "With --schema FILE: serve only these tables (logical names, comma-separated);"
                    + " lookups to other tables are dropped.")
    List<String> tables = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "TABLE=COUNT,...",
            description = "Rows to generate at start, e.g. account=10000,contact=30000.")
    String seed;

    @Option(names = "--random-seed",
            description = "Seed of generated data and of injected faults and delays: same seed, same rows"
                    + " (default: ${DEFAULT-VALUE}).")
    long randomSeed = DEFAULTS.randomSeed();

    @Option(names = "--max-page-size",
            description = "Largest page a read returns, and the page size without odata.maxpagesize"
                    + " (default: ${DEFAULT-VALUE}).")
    int maxPageSize = DEFAULTS.maxPageSize();

    @Option(names = "--threads",
            description = "Threads serving requests: the most requests in progress at once, delays included"
                    + " (default: ${DEFAULT-VALUE}).")
    int threads = DEFAULTS.threads();

    @Option(names = "--requests-per-window",
            description = "Service protection: requests per caller per window; 0 = unlimited (Dataverse: 6000).")
    int requestsPerWindow = DEFAULTS.requestsPerWindow();

    @Option(names = "--execution-time-per-window", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Service protection: combined execution time per caller per window, in ms or as a duration"
                    + " (20m, PT20M); 0 = unlimited (Dataverse: 1200000 ms).")
    Duration executionTimePerWindow = DEFAULTS.executionTimePerWindow();

    @Option(names = "--max-concurrent-requests",
            description = "Service protection: concurrent requests per caller; 0 = unlimited (Dataverse: 52).")
    int maxConcurrentRequests = DEFAULTS.maxConcurrentRequests();

    @Option(names = "--window", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "The sliding window of the service protection limits, in ms or as a duration (300s, 5m,"
                    + " PT5M; default: ${DEFAULT-VALUE}).")
    Duration window = DEFAULTS.window();

    @Option(names = "--latency", converter = DurationConverter.class, paramLabel = "MS",
            description = "Fixed delay added to every Web API request, in ms or as a duration (100, 100ms).")
    Duration latency = DEFAULTS.fixedLatency();

    @Option(names = "--latency-jitter", converter = DurationConverter.class, paramLabel = "MS",
            description = "Upper bound of a uniformly random delay added to --latency, in ms.")
    Duration latencyJitter = DEFAULTS.randomLatency();

    @Option(names = "--latency-per-record", converter = DurationConverter.class, paramLabel = "MS",
            description = "Delay per record a request writes (bulk action targets, $batch writes), in ms.")
    Duration latencyPerRecord = DEFAULTS.latencyPerRecordWritten();

    @Option(names = "--failure-rate", paramLabel = "FRACTION",
            description = "Fraction (0..1) of Web API requests answered 503.")
    double failureRate = DEFAULTS.failureRate();

    @Option(names = "--reset-rate", paramLabel = "FRACTION",
            description = "Fraction (0..1) of Web API requests whose connection is dropped without an answer.")
    double resetRate = DEFAULTS.resetRate();

    @Option(names = "--require-token", description = "Refuse Web API requests without 'Authorization: Bearer <token>' (401).")
    boolean requireToken;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "The one bearer token accepted (implies --require-token); without it any non-empty token passes.")
    String token;

    /** The options these arguments describe; a wrong value is a usage error naming the option. */
    EmulatorOptions toOptions() {
        requireRange("--port", port, 0, 65535);
        requireRange("--threads", threads, 1, Integer.MAX_VALUE);
        requireRange("--max-page-size", maxPageSize, 1, EmulatorOptions.DEFAULT_MAX_PAGE_SIZE);
        requireRange("--requests-per-window", requestsPerWindow, 0, Integer.MAX_VALUE);
        requireRange("--max-concurrent-requests", maxConcurrentRequests, 0, Integer.MAX_VALUE);
        requireFraction("--failure-rate", failureRate);
        requireFraction("--reset-rate", resetRate);
        if (failureRate + resetRate > 1) {
            throw usage("--failure-rate and --reset-rate add up to more than 1");
        }
        if (window.isZero()) {
            throw usage("--window must be longer than 0");
        }
        if (token != null && token.isBlank()) {
            throw usage("--token must not be empty");
        }
        Schema chosen = schema();
        Map<String, Integer> counts;
        try {
            counts = SeedSpec.parse(seed, chosen);
        } catch (IllegalArgumentException e) {
            throw usage("--seed: " + e.getMessage());
        }
        return EmulatorOptions.defaults()
                .host(host).port(port).schema(chosen).seed(counts).randomSeed(randomSeed)
                .maxPageSize(maxPageSize).threads(threads)
                .requestsPerWindow(requestsPerWindow).executionTimePerWindow(executionTimePerWindow)
                .maxConcurrentRequests(maxConcurrentRequests).window(window)
                .fixedLatency(latency).randomLatency(latencyJitter).latencyPerRecordWritten(latencyPerRecord)
                .failureRate(failureRate).resetRate(resetRate)
                .requireBearerToken(requireToken || token != null).bearerToken(token);
    }

    private Schema schema() {
        if (schema.equals(BUILT_IN_SCHEMA)) {
            if (!tables.isEmpty()) {
                throw usage("--tables applies to a schema read from a file (--schema FILE), not to the built-in "
                        + BUILT_IN_SCHEMA + " schema");
            }
            return CrmSchema.build();
        }
        Path file = Path.of(schema);
        if (!Files.isRegularFile(file)) {
            throw usage("--schema: '" + schema + "' is neither '" + BUILT_IN_SCHEMA + "' nor a readable $metadata file");
        }
        try {
            return CsdlSchemaReader.read(file, new LinkedHashSet<>(tables));
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw usage("--schema " + schema + ": " + e.getMessage());
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        EmulatorOptions options = toOptions();
        PrintWriter out = spec.commandLine().getOut();
        long start = System.nanoTime();
        Emulator emulator = Emulator.start(options);
        Duration startup = Duration.ofNanos(System.nanoTime() - start);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "emulator-shutdown"));
        if (!options.seed().isEmpty()) {
            out.println("Seeded " + seeded(emulator) + " in " + startup.toMillis() + " ms (random seed "
                    + options.randomSeed() + ")");
        }
        out.println("Dataverse emulator ready at " + emulator.baseUrl() + " (admin " + emulator.adminUrl() + ")");
        out.flush();
        stopped.await();
        return 0;
    }

    /** e.g. {@code account=100, contact=300; accountleads_association=150} */
    private static String seeded(Emulator emulator) {
        List<String> rows = new ArrayList<>();
        for (Table t : emulator.schema().tables()) {
            int n = emulator.store().table(t.logicalName()).size();
            if (n > 0) {
                rows.add(t.logicalName() + "=" + n);
            }
        }
        List<String> links = new ArrayList<>();
        for (ManyToMany m : emulator.schema().manyToMany()) {
            long n = emulator.store().associations(m.schemaName()).size();
            if (n > 0) {
                links.add(m.schemaName() + "=" + n);
            }
        }
        return String.join(", ", rows) + (links.isEmpty() ? "" : "; " + String.join(", ", links));
    }

    private void requireRange(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw usage(option + " must be between " + min + " and " + max + ", not " + value);
        }
    }

    private void requireFraction(String option, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw usage(option + " must be a fraction between 0 and 1, not " + value);
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** The parser with this command's converters; tests parse with it without starting anything. */
    static CommandLine commandLine(EmulatorMain main) {
        return new CommandLine(main);
    }

    public static void main(String[] args) {
        System.exit(commandLine(new EmulatorMain()).execute(args));
    }

    /** The version printed by --version: the jar's implementation version when packaged. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = EmulatorMain.class.getPackage().getImplementationVersion();
            return new String[] {"ferry-emulator " + (v == null ? "(development build)" : v)};
        }
    }
}
