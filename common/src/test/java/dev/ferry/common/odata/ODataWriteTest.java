package dev.ferry.common.odata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.common.odata.BatchOutcome.ItemFailure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Upserts through the client into an emulated Dataverse, checked against the emulator's own export. */
@QuarkusTest
@QuarkusTestResource(EmulatorEnvironments.class)
class ODataWriteTest {

    /** account.name holds 160 characters at most. */
    private static final String TOO_LONG_NAME = "x".repeat(161);

    @Inject
    ODataClients clients;

    @ConfigProperty(name = "test.admin.target")
    String targetAdmin;

    EmulatorAdmin admin;

    @BeforeEach
    void admin() {
        admin = new EmulatorAdmin(targetAdmin);
    }

    @Test
    void upsertIsUpsertMultipleOnDataverseAndCreatesEveryRecord() {
        List<UpsertItem> items = accounts(1000, "Bulk");

        BatchOutcome outcome = clients.client("target").upsert("accounts", items);

        assertThat(outcome.method()).isEqualTo(WriteMethod.UPSERT_MULTIPLE);
        assertThat(outcome.atomic()).isTrue();
        assertThat(outcome.allWritten()).isTrue();
        Map<String, ObjectNode> rows = admin.export("account");
        assertThat(items).allSatisfy(item ->
                assertThat(rows.get(item.recordId()).path("name").asText()).isEqualTo(item.body().path("name").asText()));
    }

    @Test
    void upsertMultipleAgainUpdatesWithoutDuplicates() {
        List<UpsertItem> items = accounts(50, "Before");
        ODataClient target = clients.client("target");
        target.upsert("accounts", items);
        int rowsBefore = admin.export("account").size();
        List<UpsertItem> renamed = items.stream()
                .map(item -> new UpsertItem(item.recordId(), item.body().deepCopy().put("name", "After " + item.recordId())))
                .toList();

        BatchOutcome outcome = target.upsert("accounts", renamed);

        assertThat(outcome.allWritten()).isTrue();
        Map<String, ObjectNode> rows = admin.export("account");
        assertThat(rows).hasSize(rowsBefore);
        assertThat(renamed).allSatisfy(item ->
                assertThat(rows.get(item.recordId()).path("name").asText()).startsWith("After "));
    }

    @Test
    void lookupsAreWrittenThroughBinds() {
        List<UpsertItem> parents = accounts(1, "Parent");
        String parentId = parents.get(0).recordId();
        List<UpsertItem> children = accounts(3, "Child");
        children.forEach(child -> child.body().put("parentaccountid@odata.bind", "/accounts(" + parentId + ")"));
        ODataClient target = clients.client("target");

        target.upsert("accounts", parents);
        BatchOutcome outcome = target.upsert("accounts", children);

        assertThat(outcome.allWritten()).isTrue();
        Map<String, ObjectNode> rows = admin.export("account");
        assertThat(children).allSatisfy(child ->
                assertThat(rows.get(child.recordId()).path("parentaccountid").asText()).isEqualTo("account:" + parentId));
    }

    @Test
    void aPoisonRecordFailsUpsertMultipleAsAWholeAndWritesNothing() {
        List<UpsertItem> items = accounts(20, "Atomic");
        items.get(7).body().put("name", TOO_LONG_NAME);

        BatchOutcome outcome = clients.client("target").upsert("accounts", items, WriteMethod.UPSERT_MULTIPLE);

        assertThat(outcome.atomic()).isTrue();
        assertThat(outcome.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.recordId()).isNull();
            assertThat(failure.error().retriable()).isFalse();
            assertThat(failure.error().status()).contains(400);
            assertThat(failure.error().getMessage()).contains("UpsertMultiple").contains("environment 'target'");
        });
        Map<String, ObjectNode> rows = admin.export("account");
        assertThat(items).noneMatch(item -> rows.containsKey(item.recordId()));
    }

    @Test
    void aPoisonRecordInABatchFailsAloneAndTheRestIsWritten() {
        List<UpsertItem> items = accounts(20, "Batch");
        String poison = items.get(7).recordId();
        items.get(7).body().put("name", TOO_LONG_NAME);

        BatchOutcome outcome = clients.client("target").upsert("accounts", items, WriteMethod.BATCH);

        assertThat(outcome.method()).isEqualTo(WriteMethod.BATCH);
        assertThat(outcome.atomic()).isFalse();
        assertThat(outcome.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.recordId()).isEqualTo(poison);
            assertThat(failure.error().retriable()).isFalse();
            assertThat(failure.error().status()).contains(400);
            assertThat(failure.error().code()).isPresent();
            assertThat(failure.error().getMessage()).contains("PATCH accounts(" + poison + ") on environment 'target'");
        });
        Map<String, ObjectNode> rows = admin.export("account");
        assertThat(items).filteredOn(item -> !item.recordId().equals(poison)).allMatch(item -> rows.containsKey(item.recordId()));
        assertThat(rows).doesNotContainKey(poison);
    }

    @Test
    void singleWritesEachRecordAndReportsTheRefusedOne() {
        List<UpsertItem> items = accounts(5, "Single");
        String missingParent = UUID.randomUUID().toString();
        String orphan = items.get(2).recordId();
        items.get(2).body().put("parentaccountid@odata.bind", "/accounts(" + missingParent + ")");

        BatchOutcome outcome = clients.client("target").upsert("accounts", items, WriteMethod.SINGLE);

        assertThat(outcome.method()).isEqualTo(WriteMethod.SINGLE);
        assertThat(outcome.failures()).extracting(ItemFailure::recordId).containsExactly(orphan);
        assertThat(outcome.failures().get(0).error().status()).contains(404);
        assertThat(outcome.failures().get(0).error().retriable()).isFalse();
        Map<String, ObjectNode> rows = admin.export("account");
        assertThat(items).filteredOn(item -> !item.recordId().equals(orphan)).allMatch(item -> rows.containsKey(item.recordId()));
    }

    @Test
    void aMissingBindTargetFailsUpsertMultipleWithoutFallingBack() {
        List<UpsertItem> items = accounts(3, "Orphans");
        items.get(1).body().put("parentaccountid@odata.bind", "/accounts(" + UUID.randomUUID() + ")");

        BatchOutcome outcome = clients.client("target").upsert("accounts", items);

        assertThat(outcome.method()).isEqualTo(WriteMethod.UPSERT_MULTIPLE);
        assertThat(outcome.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.recordId()).isNull();
            assertThat(failure.error().status()).contains(404);
        });
        assertThat(clients.client("target").upsert("accounts", accounts(1, "Still bulk")).method())
                .isEqualTo(WriteMethod.UPSERT_MULTIPLE);
    }

    @Test
    void anEmptyWriteSendsNothing() {
        admin.resetCounters();

        BatchOutcome outcome = clients.client("target").upsert("accounts", List.of(), WriteMethod.BATCH);

        assertThat(outcome.allWritten()).isTrue();
        assertThat(admin.counters().path("requests").asInt()).isZero();
    }

    @Test
    void updateIsUpdateMultipleOnDataverseAndChangesTheExistingRows() {
        List<UpsertItem> items = accounts(10, "ToUpdate");
        ODataClient target = clients.client("target");
        target.upsert("accounts", items);
        List<UpsertItem> renamed = renamed(items, "Updated");

        BatchOutcome outcome = target.update("accounts", renamed);

        assertThat(outcome.method()).isEqualTo(WriteMethod.UPDATE_MULTIPLE);
        assertThat(outcome.atomic()).isTrue();
        assertThat(outcome.allWritten()).isTrue();
        Map<String, ObjectNode> rows = admin.export("account");
        assertThat(renamed).allSatisfy(item ->
                assertThat(rows.get(item.recordId()).path("name").asText()).isEqualTo(item.body().path("name").asText()));
    }

    @Test
    void updateMultipleOfAMissingRowFailsAsAWholeWith404AndCreatesNothing() {
        List<UpsertItem> existing = accounts(5, "Kept");
        ODataClient target = clients.client("target");
        target.upsert("accounts", existing);
        List<UpsertItem> items = new ArrayList<>(renamed(existing, "NotApplied"));
        UpsertItem missing = accounts(1, "Missing").get(0);
        items.add(2, missing);

        BatchOutcome outcome = target.update("accounts", items, WriteMethod.UPDATE_MULTIPLE);

        assertThat(outcome.atomic()).isTrue();
        assertThat(outcome.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.recordId()).isNull();
            assertThat(failure.error().retriable()).isFalse();
            assertThat(failure.error().status()).contains(404);
            assertThat(failure.error().code()).contains("0x80040217");
            assertThat(failure.error().getMessage()).contains("UpdateMultiple").contains(missing.recordId());
        });
        Map<String, ObjectNode> rows = admin.export("account");
        assertThat(rows).doesNotContainKey(missing.recordId());
        assertThat(existing).allSatisfy(item ->
                assertThat(rows.get(item.recordId()).path("name").asText()).isEqualTo(item.body().path("name").asText()));
    }

    @Test
    void updateInABatchFailsTheMissingRowAloneAndUpdatesTheOthers() {
        List<UpsertItem> existing = accounts(5, "BatchKept");
        ODataClient target = clients.client("target");
        target.upsert("accounts", existing);
        List<UpsertItem> items = new ArrayList<>(renamed(existing, "BatchUpdated"));
        UpsertItem missing = accounts(1, "BatchMissing").get(0);
        items.add(2, missing);

        BatchOutcome outcome = target.update("accounts", items, WriteMethod.BATCH);

        assertThat(outcome.method()).isEqualTo(WriteMethod.BATCH);
        assertThat(outcome.atomic()).isFalse();
        assertThat(outcome.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.recordId()).isEqualTo(missing.recordId());
            assertThat(failure.error().retriable()).isFalse();
            assertThat(failure.error().status()).contains(404);
        });
        Map<String, ObjectNode> rows = admin.export("account");
        assertThat(rows).doesNotContainKey(missing.recordId());
        assertThat(items).filteredOn(item -> item != missing).allSatisfy(item ->
                assertThat(rows.get(item.recordId()).path("name").asText()).isEqualTo(item.body().path("name").asText()));
    }

    @Test
    void singleUpdateOfAMissingRowFailsWith404AndCreatesNothing() {
        UpsertItem missing = accounts(1, "SingleMissing").get(0);

        BatchOutcome outcome = clients.client("target").update("accounts", List.of(missing), WriteMethod.SINGLE);

        assertThat(outcome.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.recordId()).isEqualTo(missing.recordId());
            assertThat(failure.error().status()).contains(404);
        });
        assertThat(admin.export("account")).doesNotContainKey(missing.recordId());
    }

    private static List<UpsertItem> renamed(List<UpsertItem> items, String prefix) {
        return items.stream().map(item -> new UpsertItem(item.recordId(),
                item.body().deepCopy().put("name", prefix + " " + item.recordId().substring(0, 8)))).toList();
    }

    static List<UpsertItem> accounts(int count, String prefix) {
        List<UpsertItem> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            ObjectNode body = JsonNodeFactory.instance.objectNode()
                    .put("name", prefix + " " + i + " " + id.substring(0, 8))
                    .put("numberofemployees", i)
                    .put("description", "O'Brien & Söhne — \"quoted\" 😀");
            items.add(new UpsertItem(id, body));
        }
        return items;
    }
}
