package dev.ferry.common.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Environments as configured: which exist, how they authenticate. */
@QuarkusTest
@QuarkusTestResource(EmulatorEnvironments.class)
class ODataClientsTest {

    @Inject
    ODataClients clients;

    @Test
    void anUnknownEnvironmentIsRefusedNamingTheConfiguredOnes() {
        assertThatThrownBy(() -> clients.client("prod"))
                .isInstanceOf(UnknownEnvironmentException.class)
                .hasMessageContaining("'prod'")
                .hasMessageContaining("source")
                .hasMessageContaining("target")
                .hasMessageContaining("FERRY_ENVIRONMENTS_PROD_URL");
    }

    @Test
    void environmentsListsEveryConfiguredName() {
        assertThat(clients.environments()).contains("source", "target", "secured", "entra");
    }

    @Test
    void oneClientPerEnvironmentIsKept() {
        assertThat(clients.client("source")).isSameAs(clients.client("source"));
        assertThat(clients.client("source")).isNotSameAs(clients.client("target"));
    }

    @Test
    void aBearerTokenIsSent() {
        Page page = clients.client("secured").firstPage(new PageQuery("accounts", List.of("name"), null, 10, false));

        assertThat(page.records()).isEmpty();
    }

    @Test
    void withoutATokenTheServiceRefusesAndTheClientDoesNotRetry() {
        assertThatThrownBy(() -> clients.client("unauthenticated").firstPage(new PageQuery("accounts", List.of(), null, 10, false)))
                .isInstanceOfSatisfying(ODataException.class, e -> {
                    assertThat(e.status()).contains(401);
                    assertThat(e.retriable()).isFalse();
                    assertThat(e.getMessage()).contains("environment 'unauthenticated'");
                });
    }

    @Test
    void entraAuthenticationIsRefusedClearlyAndNoSecretIsShown() {
        assertThatThrownBy(() -> clients.client("entra"))
                .isInstanceOf(ODataException.class)
                .hasMessageContaining("client-secret")
                .hasMessageContaining("not supported yet")
                .hasMessageNotContaining("not-a-real-secret");
    }
}
