package dev.ferry.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StackDefinitionTest {
    private final Workspace workspace = new Workspace(Path.of("/repo"), Path.of("/repo/.ferry"));
    private final Ports ports = new Ports(6001, 6002, 6003, 6004, 6005, 6006);

    @Test
    void startsTheBrokerThenTheEmulatorsThenTheServices() {
        List<StackComponent> components = StackDefinition.components(workspace, ports, Optional.of("account=10"), List.of());

        assertThat(components).extracting(StackComponent::name)
                .containsExactly("kafka", "emulator-source", "emulator-target", "extractor", "loader", "coordinator");
        assertThat(components).extracting(StackComponent::role)
                .containsExactly(Role.BROKER, Role.EMULATOR, Role.EMULATOR, Role.SERVICE, Role.SERVICE, Role.SERVICE);
    }

    @Test
    void runsTheBrokerWith512MbOnItsPortAndDataDirectory() {
        StackComponent broker = StackDefinition.components(workspace, ports, Optional.empty(), List.of()).get(0);

        assertThat(broker.command("java")).containsExactly("java", "-Xmx512m", "-XX:+ExitOnOutOfMemoryError", "-jar",
                "/repo/testkit/target/ferry-kafka.jar", "--port", "6003", "--data-dir", "/repo/.ferry/kafka");
        assertThat(broker.readyLine()).contains("ready at ");
    }

    @Test
    void seedsTheSourceEmulatorOnlyAndGivesBoth2Gb() {
        List<StackComponent> components = StackDefinition.components(workspace, ports, Optional.of("account=10,contact=20"), List.of());

        assertThat(components.get(1).command("java")).containsExactly("java", "-Xmx2g", "-XX:+ExitOnOutOfMemoryError",
                "-jar", "/repo/emulator/target/ferry-emulator.jar", "--port", "6001", "--seed", "account=10,contact=20");
        assertThat(components.get(2).command("java")).containsExactly("java", "-Xmx2g", "-XX:+ExitOnOutOfMemoryError",
                "-jar", "/repo/emulator/target/ferry-emulator.jar", "--port", "6002");
    }

    @Test
    void anEmptySeedLeavesTheSourceEmpty() {
        StackComponent source = StackDefinition.components(workspace, ports, UpCommand.seedOption("none"), List.of()).get(1);

        assertThat(source.args()).containsExactly("--port", "6001");
    }

    @Test
    void givesEachServiceItsPortTheBrokerAndBothEmulatorsWithoutAuthentication() {
        List<StackComponent> services = StackDefinition.components(workspace, ports, Optional.empty(), List.of())
                .subList(3, 6);

        for (StackComponent service : services) {
            assertThat(service.command("java")).containsExactly("java", "-Xmx512m", "-XX:+ExitOnOutOfMemoryError", "-jar",
                    "/repo/" + service.name() + "/target/quarkus-app/quarkus-run.jar");
            assertThat(service.environment()).contains(
                    entry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:6003"),
                    entry("FERRY_ENVIRONMENTS_SOURCE_URL", "http://127.0.0.1:6001/api/data/v9.2/"),
                    entry("FERRY_ENVIRONMENTS_SOURCE_AUTH", "none"),
                    entry("FERRY_ENVIRONMENTS_TARGET_URL", "http://127.0.0.1:6002/api/data/v9.2/"),
                    entry("FERRY_ENVIRONMENTS_TARGET_AUTH", "none"));
        }
        assertThat(services).extracting(s -> s.environment().get("QUARKUS_HTTP_PORT")).containsExactly("6005", "6006", "6004");
        assertThat(services).allMatch(s -> "127.0.0.1".equals(s.environment().get("QUARKUS_HTTP_HOST")));
        assertThat(services).extracting(s -> s.healthUrl().orElseThrow()).containsExactly(
                "http://127.0.0.1:6005/q/health/ready", "http://127.0.0.1:6006/q/health/ready",
                "http://127.0.0.1:6004/q/health/ready");
    }

    @Test
    void mapsAnExtraEnvironmentToQuarkusVariablesInUpperCase() {
        EnvironmentOption northwind = EnvironmentOption.parse("NorthWind2=https://services.odata.org/V4/Northwind/Northwind.svc");

        Map<String, String> variables = StackDefinition.serviceEnvironment(ports, List.of(northwind));

        assertThat(variables).contains(
                entry("FERRY_ENVIRONMENTS_NORTHWIND2_URL", "https://services.odata.org/V4/Northwind/Northwind.svc/"),
                entry("FERRY_ENVIRONMENTS_NORTHWIND2_AUTH", "none"));
        assertThat(northwind.name()).isEqualTo("northwind2");
    }
}
