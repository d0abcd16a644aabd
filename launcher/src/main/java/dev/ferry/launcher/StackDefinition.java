package dev.ferry.launcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The processes of the local stack and how each is started (issue 3, "./ferry — the main command"): the
 * broker, the {@code source} and {@code target} emulators, then the three services, each service told where
 * the broker and every environment are through Quarkus's environment variables.
 */
final class StackDefinition {
    static final String BROKER = "kafka";
    static final String EMULATOR_PREFIX = "emulator-";
    static final String SOURCE_EMULATOR = EMULATOR_PREFIX + EnvironmentOption.SOURCE;
    static final String TARGET_EMULATOR = EMULATOR_PREFIX + EnvironmentOption.TARGET;
    static final String EXTRACTOR = "extractor";
    static final String LOADER = "loader";
    static final String COORDINATOR = "coordinator";
    /** The service modules, in starting order. */
    static final List<String> SERVICES = List.of(EXTRACTOR, LOADER, COORDINATOR);

    /** The heap of the broker and of every service: they stream, whatever the table size (issue 3, "Speed and memory"). */
    static final String SERVICE_HEAP = "-Xmx512m";
    /** The emulators hold their tables in memory: a source seeded with half a million rows needs about 400 MB. */
    static final String EMULATOR_HEAP = "-Xmx2g";
    /** A process out of memory stops at once, so that the launcher sees it, rather than limping on. */
    static final String EXIT_ON_OOM = "-XX:+ExitOnOutOfMemoryError";
    /** The emulators' service root under their origin. */
    static final String SERVICE_ROOT_PATH = "/api/data/v9.2/";
    /** The emulators' admin endpoints under their origin. */
    static final String ADMIN_PATH = "/_emulator/";
    /** The programs' "ready" line (broker: "Kafka broker ready at ...", emulator: "Dataverse emulator ready at ..."). */
    static final String READY_LINE = "ready at ";
    static final String HEALTH_READY_PATH = "/q/health/ready";
    static final String LOOPBACK = "127.0.0.1";

    private StackDefinition() {
    }

    /**
     * The stack's processes in starting order.
     *
     * @param seed         the source emulator's {@code --seed} (e.g. {@code account=100}), or empty for none
     * @param environments extra environments given to every service
     */
    static List<StackComponent> components(Workspace workspace, Ports ports, Optional<String> seed,
                                           List<EnvironmentOption> environments) {
        List<StackComponent> components = new ArrayList<>();
        components.add(new StackComponent(BROKER, Role.BROKER, workspace.brokerJar(), List.of(SERVICE_HEAP, EXIT_ON_OOM),
                List.of("--port", Integer.toString(ports.kafka()), "--data-dir", workspace.kafkaData().toString()),
                Map.of(), Optional.of(READY_LINE), Optional.empty()));
        List<String> sourceArgs = new ArrayList<>(List.of("--port", Integer.toString(ports.source())));
        seed.ifPresent(spec -> sourceArgs.addAll(List.of("--seed", spec)));
        components.add(emulator(workspace, SOURCE_EMULATOR, sourceArgs));
        components.add(emulator(workspace, TARGET_EMULATOR, List.of("--port", Integer.toString(ports.target()))));
        Map<String, String> environment = serviceEnvironment(ports, environments);
        Map<String, Integer> httpPorts = Map.of(EXTRACTOR, ports.extractor(), LOADER, ports.loader(),
                COORDINATOR, ports.coordinator());
        for (String service : SERVICES) {
            Map<String, String> own = new LinkedHashMap<>(environment);
            own.put("QUARKUS_HTTP_PORT", Integer.toString(httpPorts.get(service)));
            // Like the broker and the emulators, a local stack listens on this machine only.
            own.put("QUARKUS_HTTP_HOST", LOOPBACK);
            components.add(new StackComponent(service, Role.SERVICE, workspace.serviceJar(service),
                    List.of(SERVICE_HEAP, EXIT_ON_OOM), List.of(), own, Optional.empty(),
                    Optional.of(origin(httpPorts.get(service)) + HEALTH_READY_PATH)));
        }
        return components;
    }

    private static StackComponent emulator(Workspace workspace, String name, List<String> args) {
        return new StackComponent(name, Role.EMULATOR, workspace.emulatorJar(), List.of(EMULATOR_HEAP, EXIT_ON_OOM),
                args, Map.of(), Optional.of(READY_LINE), Optional.empty());
    }

    /**
     * What every service gets besides its HTTP port: the broker, and each environment's URL with auth
     * {@code none} ({@code ferry.environments.<name>.url|auth}, DESIGN.md "Environments").
     */
    static Map<String, String> serviceEnvironment(Ports ports, List<EnvironmentOption> environments) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("KAFKA_BOOTSTRAP_SERVERS", ports.kafkaBootstrap());
        putEnvironment(variables, EnvironmentOption.SOURCE, serviceRoot(ports.source()));
        putEnvironment(variables, EnvironmentOption.TARGET, serviceRoot(ports.target()));
        for (EnvironmentOption environment : environments) {
            putEnvironment(variables, environment.name(), environment.url());
        }
        return variables;
    }

    private static void putEnvironment(Map<String, String> variables, String name, String url) {
        String prefix = EnvironmentOption.variablePrefix(name);
        variables.put(prefix + "URL", url);
        variables.put(prefix + "AUTH", "none");
    }

    static String origin(int port) {
        return "http://" + LOOPBACK + ":" + port;
    }

    /** An emulator's OData service root. */
    static String serviceRoot(int port) {
        return origin(port) + SERVICE_ROOT_PATH;
    }

    /** An emulator's admin endpoints. */
    static String adminUrl(int port) {
        return origin(port) + ADMIN_PATH;
    }
}
