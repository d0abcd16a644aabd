package dev.ferry.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A whole local Ferry stack as separate processes, as {@code ./ferry up} starts it: a broker on a
 * free port with a temporary data directory, a seeded source emulator, a target emulator, and the
 * packaged extractor, loader and coordinator on free ports. Logs stay under
 * {@code e2e/target/e2e-logs/<name>/} for diagnosing a failed CI run.
 */
final class Stack implements AutoCloseable {
    private static final Duration SERVICE_READY_TIMEOUT = Duration.ofSeconds(120);
    private static final String LOOPBACK = "127.0.0.1";
    private static final String READY_LINE = "ready at (\\S+)";
    private static final String EXTRACTOR = "extractor";
    private static final String LOADER = "loader";
    private static final String COORDINATOR = "coordinator";

    private final Path logDir;
    private final Path kafkaData;
    private final List<LaunchedProcess> infrastructure = new ArrayList<>();
    private final Map<String, LaunchedProcess> services = new LinkedHashMap<>();
    private final Map<String, Integer> servicePorts = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Map<String, String> serviceEnvironment;
    private String bootstrap;
    private EmulatorAdmin source;
    private EmulatorAdmin target;
    private int coordinatorStarts;
    /** Kills what is still running if the test JVM ends without closing the stack (e.g. a killed build). */
    private final Thread killOnExit = new Thread(this::killAll, "ferry-e2e-stack-kill");

    private Stack(String name) throws IOException {
        this.logDir = LaunchedProcess.root().resolve("e2e/target/e2e-logs").resolve(name);
        this.kafkaData = Files.createTempDirectory("ferry-e2e-kafka");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * Starts a stack; on any failure what was started is stopped again.
     *
     * @param name       the folder of its logs
     * @param sourceSeed the source emulator's {@code --seed}, e.g. {@code account=1000}
     * @param targetArgs extra options of the target emulator (e.g. {@code --latency 5})
     */
    static Stack start(String name, String sourceSeed, String... targetArgs) throws Exception {
        return start(name, List.of("--seed", sourceSeed), List.of(targetArgs));
    }

    /**
     * Starts a stack whose emulators get these options (e.g. a seed and a modelled latency); on any
     * failure what was started is stopped again.
     *
     * @param name       the folder of its logs
     * @param sourceArgs the source emulator's options, e.g. {@code --seed account=1000 --latency 20}
     * @param targetArgs the target emulator's options
     */
    static Stack start(String name, List<String> sourceArgs, List<String> targetArgs) throws Exception {
        Stack stack = new Stack(name);
        try {
            stack.startAll(sourceArgs, targetArgs);
            return stack;
        } catch (Exception | Error e) {
            try {
                stack.close();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private void startAll(List<String> sourceArgs, List<String> targetArgs) throws Exception {
        Files.createDirectories(logDir);
        Path root = LaunchedProcess.root();
        LaunchedProcess broker = launchInfrastructure(root.resolve("testkit/target/ferry-kafka.jar"), "kafka",
                "--port", String.valueOf(freePort()), "--data-dir", kafkaData.toString());
        List<String> sourceCommand = new ArrayList<>(List.of("--port", String.valueOf(freePort())));
        sourceCommand.addAll(sourceArgs);
        LaunchedProcess sourceEmulator = launchInfrastructure(root.resolve("emulator/target/ferry-emulator.jar"),
                "source-emulator", sourceCommand.toArray(String[]::new));
        List<String> targetCommand = new ArrayList<>(List.of("--port", String.valueOf(freePort())));
        targetCommand.addAll(targetArgs);
        LaunchedProcess targetEmulator = launchInfrastructure(root.resolve("emulator/target/ferry-emulator.jar"),
                "target-emulator", targetCommand.toArray(String[]::new));
        bootstrap = broker.awaitLine(READY_LINE);
        String sourceUrl = sourceEmulator.awaitLine(READY_LINE);
        String targetUrl = targetEmulator.awaitLine(READY_LINE);
        source = new EmulatorAdmin(http, sourceUrl);
        target = new EmulatorAdmin(http, targetUrl);

        serviceEnvironment = new LinkedHashMap<>();
        serviceEnvironment.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        serviceEnvironment.put("QUARKUS_HTTP_HOST", LOOPBACK);
        serviceEnvironment.put("FERRY_ENVIRONMENTS_SOURCE_URL", sourceUrl);
        serviceEnvironment.put("FERRY_ENVIRONMENTS_SOURCE_AUTH", "none");
        serviceEnvironment.put("FERRY_ENVIRONMENTS_TARGET_URL", targetUrl);
        serviceEnvironment.put("FERRY_ENVIRONMENTS_TARGET_AUTH", "none");
        for (String service : List.of(COORDINATOR, EXTRACTOR, LOADER)) {
            servicePorts.put(service, freePort());
            launchService(service, service);
        }
        for (String service : servicePorts.keySet()) {
            awaitReady(service);
        }
    }

    /** The coordinator's HTTP API. */
    CoordinatorClient coordinator() {
        return new CoordinatorClient(http, origin(servicePorts.get(COORDINATOR)));
    }

    /** The broker's bootstrap servers. */
    String bootstrap() {
        return bootstrap;
    }

    EmulatorAdmin source() {
        return source;
    }

    EmulatorAdmin target() {
        return target;
    }

    /** The running coordinator process. */
    LaunchedProcess coordinatorProcess() {
        return services.get(COORDINATOR);
    }

    /** Stops the coordinator with SIGTERM, as an operator or an orchestrator would; returns its exit code. */
    int stopCoordinator() throws InterruptedException {
        return services.get(COORDINATOR).stop();
    }

    /** Starts the coordinator again on the same port and waits until it is ready. */
    void startCoordinatorAgain() throws IOException {
        launchService(COORDINATOR, COORDINATOR + "-" + (++coordinatorStarts + 1));
        awaitReady(COORDINATOR);
    }

    private LaunchedProcess launchInfrastructure(Path jar, String name, String... args) throws IOException {
        LaunchedProcess process = LaunchedProcess.javaJar(jar, logDir, name, args);
        infrastructure.add(process);
        return process;
    }

    private void launchService(String service, String logName) throws IOException {
        Map<String, String> environment = new LinkedHashMap<>(serviceEnvironment);
        environment.put("QUARKUS_HTTP_PORT", String.valueOf(servicePorts.get(service)));
        Path jar = LaunchedProcess.root().resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        services.put(service, LaunchedProcess.javaJar(jar, logDir, logName, environment));
    }

    private void awaitReady(String service) {
        LaunchedProcess process = services.get(service);
        URI ready = URI.create(origin(servicePorts.get(service)) + "/q/health/ready");
        await(service + " ready at " + ready + " (log " + process.log() + ")").atMost(SERVICE_READY_TIMEOUT)
                .pollInterval(Duration.ofMillis(500)).ignoreExceptionsInstanceOf(IOException.class).until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(service + " exited before it was ready; see "
                                + process.log() + ":\n" + tail(process));
                    }
                    HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(ready)
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                    return answer.statusCode() == 200;
                });
    }

    private static String tail(LaunchedProcess process) {
        try {
            List<String> lines = process.output().lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the services first (they need the broker to stop cleanly), then the emulators and the broker. */
    @Override
    public void close() throws Exception {
        List<LaunchedProcess> order = new ArrayList<>(services.values());
        List<LaunchedProcess> rest = new ArrayList<>(infrastructure);
        java.util.Collections.reverse(rest);
        order.addAll(rest);
        Exception failure = null;
        for (LaunchedProcess process : order) {
            try {
                if (process.isAlive()) {
                    process.stop();
                }
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            } finally {
                process.close();
            }
        }
        deleteRecursively(kafkaData);
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // Closed by the JVM's shutdown itself: the hook is running or has run, nothing to remove.
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void killAll() {
        List<LaunchedProcess> all = new ArrayList<>(services.values());
        all.addAll(infrastructure);
        for (LaunchedProcess process : all) {
            try {
                process.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static String origin(int port) {
        return "http://" + LOOPBACK + ":" + port;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
