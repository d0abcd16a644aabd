package dev.ferry.common.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Retries of throttling, server faults and lost connections; fatal errors not retried; metrics of it all. */
@QuarkusTest
@QuarkusTestResource(EmulatorEnvironments.class)
class ODataFaultTest {

    @Inject
    ODataClients clients;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "test.admin.throttled")
    String throttledAdmin;

    @ConfigProperty(name = "test.admin.flaky")
    String flakyAdmin;

    @ConfigProperty(name = "test.admin.target")
    String targetAdmin;

    @ConfigProperty(name = "ferry.environments.slow.url")
    String slowUrl;

    @ConfigProperty(name = "test.admin.down")
    String downAdmin;

    @Test
    void throttledRequestsWaitForRetryAfterAndSucceed() {
        EmulatorAdmin admin = new EmulatorAdmin(throttledAdmin);
        admin.resetCounters();
        double throttledBefore = counter("ferry.odata.throttled", "environment", "throttled");
        ODataClient throttled = clients.client("throttled");
        PageQuery query = new PageQuery("accounts", List.of("name"), null, 10, false);
        int reads = EmulatorEnvironments.THROTTLED_REQUESTS_PER_WINDOW * 2 + 1;

        long start = System.nanoTime();
        for (int i = 0; i < reads; i++) {
            assertThat(throttled.firstPage(query).records()).isEmpty();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        JsonNode counters = admin.counters();
        assertThat(counters.path("throttled").asInt()).isPositive();
        assertThat(counters.path("byStatus").path("200").asInt()).isEqualTo(reads);
        assertThat(counter("ferry.odata.throttled", "environment", "throttled") - throttledBefore)
                .isEqualTo(counters.path("throttled").asDouble());
        assertThat(registry.find("ferry.odata.requests").tags("environment", "throttled", "operation", "read", "status", "429")
                .counter()).isNotNull();
        // Two windows' worth of reads beyond the first window's allowance: the client waited at least one window.
        assertThat(took).isGreaterThanOrEqualTo(EmulatorEnvironments.THROTTLE_WINDOW.dividedBy(2));
    }

    @Test
    void injectedServerFaultsAreRetriedUntilEveryWriteAndReadSucceeds() {
        EmulatorAdmin admin = new EmulatorAdmin(flakyAdmin);
        admin.resetCounters();
        ODataClient flaky = clients.client("flaky");
        Set<String> written = new HashSet<>();

        for (int batch = 0; batch < 10; batch++) {
            List<UpsertItem> items = ODataWriteTest.accounts(20, "Flaky");
            assertThat(flaky.upsert("accounts", items).allWritten()).isTrue();
            items.forEach(item -> written.add(item.recordId()));
        }
        Set<String> read = new HashSet<>();
        PageQuery query = new PageQuery("accounts", List.of("accountid"), null, 25, false);
        Page page = flaky.firstPage(query);
        while (true) {
            page.records().forEach(record -> read.add(record.path("accountid").asText()));
            if (page.isLast()) {
                break;
            }
            page = flaky.nextPage(page.nextLink(), query);
        }

        assertThat(read).containsAll(written);
        assertThat(admin.counters().path("byStatus").path("503").asInt()).isPositive();
        assertThat(registry.find("ferry.odata.requests").tags("environment", "flaky", "status", "503").counters())
                .isNotEmpty();
    }

    @Test
    void aFatalAnswerIsNotRetried() {
        EmulatorAdmin admin = new EmulatorAdmin(targetAdmin);
        admin.resetCounters();

        assertThatThrownBy(() -> clients.client("target").firstPage(new PageQuery("nosuchthings", List.of(), null, 10, false)))
                .isInstanceOfSatisfying(ODataException.class, e -> {
                    assertThat(e.retriable()).isFalse();
                    assertThat(e.status()).contains(404);
                    assertThat(e.getMessage()).contains("GET nosuchthings on environment 'target'");
                });
        assertThat(admin.counters().path("requests").asInt()).isEqualTo(1);
    }

    @Test
    void retriesStopAtTheConfiguredCountAndThrowTheLastError() {
        EmulatorAdmin admin = new EmulatorAdmin(downAdmin);
        admin.resetCounters();

        assertThatThrownBy(() -> clients.client("down").firstPage(new PageQuery("accounts", List.of(), null, 10, false)))
                .isInstanceOfSatisfying(ODataException.class, e -> {
                    assertThat(e.retriable()).isTrue();
                    assertThat(e.status()).contains(503);
                    assertThat(e.code()).isPresent();
                });
        // 1 attempt + ferry.odata.retry.max-retries (default 8).
        assertThat(admin.counters().path("requests").asInt()).isEqualTo(9);
    }

    @Test
    void noAnswerAtAllIsRetriableAndCountedAsAnIoError() {
        ODataClient nowhere = clients.client("nowhere");

        assertThatThrownBy(() -> nowhere.firstPage(new PageQuery("accounts", List.of(), null, 10, false)))
                .isInstanceOfSatisfying(ODataException.class, e -> {
                    assertThat(e.retriable()).isTrue();
                    assertThat(e.status()).isEmpty();
                    assertThat(e.getMessage()).contains("environment 'nowhere'").contains("no answer");
                });
        assertThat(counter("ferry.odata.requests", "environment", "nowhere", "status", "io-error")).isEqualTo(9.0);
    }

    @Test
    void anAnswerSlowerThanTheRequestTimeoutIsRetriedThenThrownAsRetriable() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        FerryEnvironmentsConfig environments = () -> Map.of("slow",
                TestConfigs.environment(slowUrl, FerryEnvironmentsConfig.AuthMode.NONE, null));
        ODataClients impatient = new RestODataClients(environments, TestConfigs.client(Duration.ofMillis(300), 1), meters);

        long start = System.nanoTime();
        assertThatThrownBy(() -> impatient.client("slow").firstPage(new PageQuery("accounts", List.of(), null, 10, false)))
                .isInstanceOfSatisfying(ODataException.class, e -> {
                    assertThat(e.retriable()).isTrue();
                    assertThat(e.status()).isEmpty();
                    assertThat(e.getMessage()).contains("GET accounts on environment 'slow': no answer");
                });

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(EmulatorEnvironments.SLOW_LATENCY);
        assertThat(meters.find("ferry.odata.requests").tags("environment", "slow", "status", "io-error").counter().count())
                .isEqualTo(2.0);
    }

    private double counter(String name, String... tags) {
        return registry.find(name).tags(tags).counters().stream().mapToDouble(Counter::count).sum();
    }

}
