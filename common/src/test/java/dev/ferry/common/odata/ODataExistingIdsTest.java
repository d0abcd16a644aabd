package dev.ferry.common.odata;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Which rows exist in an emulated Dataverse, asked through the client in bulk. */
@QuarkusTest
@QuarkusTestResource(EmulatorEnvironments.class)
class ODataExistingIdsTest {

    @Inject
    ODataClients clients;

    @ConfigProperty(name = "test.admin.target")
    String targetAdmin;

    @Test
    void tellsWhichIdsExistAskingAHundredPerRequest() {
        ODataClient target = clients.client("target");
        List<UpsertItem> accounts = ODataWriteTest.accounts(150, "Exists");
        assertThat(target.upsert("accounts", accounts).allWritten()).isTrue();
        List<String> existing = accounts.stream().map(UpsertItem::recordId).toList();
        List<String> asked = new ArrayList<>(existing);
        for (int i = 0; i < 60; i++) {
            asked.add(UUID.randomUUID().toString());
        }
        EmulatorAdmin admin = new EmulatorAdmin(targetAdmin);
        admin.resetCounters();

        assertThat(target.existingIds("accounts", asked)).containsExactlyInAnyOrderElementsOf(existing);
        assertThat(admin.counters().path("requests").asInt()).as("210 ids, 100 per request").isEqualTo(3);
    }

    @Test
    void answersTheIdsInTheLetterCaseTheyWereAskedIn() {
        ODataClient target = clients.client("target");
        List<UpsertItem> accounts = ODataWriteTest.accounts(2, "Case");
        assertThat(target.upsert("accounts", accounts).allWritten()).isTrue();
        String upper = accounts.get(0).recordId().toUpperCase(Locale.ROOT);

        assertThat(target.existingIds("accounts", List.of(upper, accounts.get(1).recordId(), upper)))
                .containsExactlyInAnyOrder(upper, accounts.get(1).recordId());
    }

    @Test
    void asksNothingForNoIds() {
        EmulatorAdmin admin = new EmulatorAdmin(targetAdmin);
        admin.resetCounters();

        assertThat(clients.client("target").existingIds("accounts", List.of())).isEmpty();
        assertThat(admin.counters().path("requests").asInt()).isZero();
    }
}
