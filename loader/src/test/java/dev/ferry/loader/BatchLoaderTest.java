package dev.ferry.loader;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.common.contract.AssociationTarget;
import dev.ferry.common.contract.DeadLetter;
import dev.ferry.common.contract.LoadPass;
import dev.ferry.common.contract.LoadProgress;
import dev.ferry.common.contract.OutsideLookup;
import dev.ferry.common.contract.TableReleased;
import dev.ferry.common.contract.Topics;
import dev.ferry.common.odata.AssociationItem;
import dev.ferry.common.odata.BatchOutcome;
import dev.ferry.common.odata.ODataClient;
import dev.ferry.common.odata.ODataClients;
import dev.ferry.common.odata.ODataException;
import dev.ferry.common.odata.UnknownEnvironmentException;
import dev.ferry.common.odata.UpsertItem;
import dev.ferry.common.odata.WriteMethod;
import dev.ferry.common.plan.LookupRule;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class BatchLoaderTest {

    private static final TableReleased ACCOUNTS = new TableReleased("run-bl", "accounts", "target", "accounts", 100, 4);
    private static final int KNOWN_ROWS = 1000;
    private static final TopicPartition PARTITION = new TopicPartition(Topics.data("run-bl", "accounts"), 0);

    private final CountingClient target = new CountingClient(EmulatorMetadata.crm());
    private final List<DeadLetter> published = new ArrayList<>();
    private final List<LoadProgress> progress = new ArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    /** Shared by the loaders of one test, as by the batches of one loader. */
    private final ExistingRows existingRows = new ExistingRows(KNOWN_ROWS);
    private DeadLetterPublisher deadLetters = letters -> {
        published.addAll(letters);
        return List.of();
    };

    @Test
    void writesMappedRecordsAndAcknowledgesThemAll() {
        List<PendingRecord> records = accounts(5);

        BatchResult result = loader().process(ACCOUNTS, records);

        assertThat(result.done()).containsExactlyElementsOf(records);
        assertThat(result.retry()).isEmpty();
        assertThat(target.writes).hasSize(1);
        UpsertItem first = target.writes.get(0).get(0);
        assertThat(first.recordId()).isEqualTo("id-0");
        assertThat(first.body().has("createdon")).isFalse();
        assertThat(first.body().has("name@OData.Community.Display.V1.FormattedValue")).isFalse();
        assertThat(progress).containsExactly(new LoadProgress("run-bl", "accounts", 5, 0));
        assertThat(counter(LoadMetrics.LOADED)).isEqualTo(5);
        assertThat(registry.get(LoadMetrics.BATCH_SIZE).summary().totalAmount()).isEqualTo(5);
        assertThat(registry.get(LoadMetrics.WRITE_LATENCY).tag("run", "run-bl").timer().count()).isEqualTo(1);
    }

    @Test
    void deadLettersThePoisonRecordOfAnAtomicBatchWithTheTargetsReasonAndWritesTheRest() {
        target.answer = items -> items.stream().anyMatch(item -> item.recordId().equals("id-3"))
                ? new BatchOutcome(WriteMethod.UPSERT_MULTIPLE, List.of(new BatchOutcome.ItemFailure(null,
                        new ODataException("The length of the 'name' attribute exceeded the maximum allowed length of '160'",
                                400, "0x80044331", false, null, null))), true)
                : new BatchOutcome(WriteMethod.UPSERT_MULTIPLE, List.of(), true);
        List<PendingRecord> records = accounts(8);

        BatchResult result = loader().process(ACCOUNTS, records);

        assertThat(result.done()).containsExactlyInAnyOrderElementsOf(records);
        assertThat(published).singleElement().satisfies(letter -> {
            assertThat(letter.recordId()).isEqualTo("id-3");
            assertThat(letter.runId()).isEqualTo("run-bl");
            assertThat(letter.table()).isEqualTo("accounts");
            assertThat(letter.reason()).contains("maximum allowed length of '160'");
            assertThat(letter.targetStatus()).isEqualTo(400);
            assertThat(letter.targetCode()).isEqualTo("0x80044331");
            assertThat(letter.record().get("name").asText()).isEqualTo("Account 3");
        });
        assertThat(progress).containsExactly(new LoadProgress("run-bl", "accounts", 7, 1));
        assertThat(counter(LoadMetrics.REJECTED)).isEqualTo(1);
    }

    @Test
    void keepsARejectedRecordForLaterWhenItsDeadLetterIsNotDurable() {
        target.answer = items -> new BatchOutcome(WriteMethod.BATCH, List.of(new BatchOutcome.ItemFailure("id-1",
                new ODataException("bad", 400, null, false, null, null))), false);
        deadLetters = letters -> letters;

        BatchResult result = loader().process(ACCOUNTS, accounts(3));

        assertThat(result.done()).extracting(PendingRecord::key).containsExactlyInAnyOrder("id-0", "id-2");
        assertThat(result.retry()).extracting(PendingRecord::key).containsExactly("id-1");
    }

    @Test
    void deadLettersARecordThatCannotBeMappedAndWritesTheOthers() {
        List<PendingRecord> records = new ArrayList<>(accounts(2));
        records.add(record(2, "id-2", "{\"accountid\":\"id-2\",\"_ownerid_value\":\"u1\"}"));
        records.add(record(3, "id-3", "not json"));

        BatchResult result = loader().process(ACCOUNTS, records);

        assertThat(result.done()).containsExactlyInAnyOrderElementsOf(records);
        assertThat(target.writes.get(0)).extracting(UpsertItem::recordId).containsExactly("id-0", "id-1");
        assertThat(published).extracting(DeadLetter::recordId).containsExactly("id-2", "id-3");
        assertThat(published.get(0).reason()).contains("lookuplogicalname");
        assertThat(published.get(1).reason()).contains("not JSON");
    }

    @Test
    void retriesEverythingWhenTheTargetFailsRetriably() {
        target.answer = items -> {
            throw new ODataException("Too many requests", 429, "0x80072322", true, Duration.ofSeconds(7), null);
        };
        List<PendingRecord> records = accounts(4);

        BatchResult result = loader().process(ACCOUNTS, records);

        assertThat(result.retry()).containsExactlyElementsOf(records);
        assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(result.done()).isEmpty();
        assertThat(published).isEmpty();
        assertThat(progress).isEmpty();
    }

    @Test
    void retriesEverythingWhileTheTargetEnvironmentIsUnknown() {
        ODataClients none = new ODataClients() {
            @Override
            public ODataClient client(String environment) {
                throw new UnknownEnvironmentException(environment, Set.of());
            }

            @Override
            public Set<String> environments() {
                return Set.of();
            }
        };
        List<PendingRecord> records = accounts(2);

        BatchResult result = new BatchLoader(() -> none, new RecordMapper(), deadLetters, new LoadMetrics(registry),
                progress::add, new ExistingRows(KNOWN_ROWS)).process(ACCOUNTS, records);

        assertThat(result.retry()).containsExactlyElementsOf(records);
        assertThat(result.retryReason()).contains("ferry.environments.target.url");
    }

    @Test
    void writesARecordExtractedTwiceOnceAndAcknowledgesBoth() {
        List<PendingRecord> records = List.of(
                record(0, "id-0", "{\"accountid\":\"id-0\",\"name\":\"old\"}"),
                record(1, "id-0", "{\"accountid\":\"id-0\",\"name\":\"new\"}"));

        BatchResult result = loader().process(ACCOUNTS, records);

        assertThat(target.writes.get(0)).singleElement()
                .satisfies(item -> assertThat(item.body().get("name").asText()).isEqualTo("new"));
        assertThat(result.done()).containsExactlyInAnyOrderElementsOf(records);
    }

    @Test
    void acknowledgesATombstoneWithoutWritingIt() {
        PendingRecord tombstone = new PendingRecord(PARTITION, 0, "id-0", null);

        BatchResult result = loader().process(ACCOUNTS, List.of(tombstone));

        assertThat(result.done()).containsExactly(tombstone);
        assertThat(target.writes).allSatisfy(write -> assertThat(write).isEmpty());
    }

    @Test
    void writesOnlyTheDeferredLookupsInTheirPassAndAcknowledgesAllNullOnesWithoutARequest() {
        TableReleased lookupsPass = new TableReleased("run-bl", "accounts--lookups", "target", "accounts", 100, 4,
                LoadPass.DEFERRED_LOOKUPS, List.of("_parentaccountid_value"));
        List<PendingRecord> records = List.of(
                record(0, "id-0", """
                        {"accountid":"id-0","_parentaccountid_value":null}"""),
                record(1, "id-1", """
                        {"accountid":"id-1","_parentaccountid_value":"id-0",
                         "_parentaccountid_value@Microsoft.Dynamics.CRM.lookuplogicalname":"account"}"""));

        BatchResult result = loader().process(lookupsPass, records);

        assertThat(result.done()).containsExactlyInAnyOrderElementsOf(records);
        assertThat(target.writes).singleElement().satisfies(write -> assertThat(write).singleElement()
                .satisfies(item -> {
                    assertThat(item.recordId()).isEqualTo("id-1");
                    assertThat(item.body().fieldNames()).toIterable()
                            .containsExactly("accountid", "parentaccountid@odata.bind");
                }));
    }

    @Test
    void updatesInTheDeferredLookupsPassAndUpsertsInTheRowsPass() {
        TableReleased lookupsPass = new TableReleased("run-bl", "accounts--lookups", "target", "accounts", 100, 4,
                LoadPass.DEFERRED_LOOKUPS, List.of("_parentaccountid_value"));
        PendingRecord lookup = record(0, "id-1", """
                {"accountid":"id-1","_parentaccountid_value":"id-0",
                 "_parentaccountid_value@Microsoft.Dynamics.CRM.lookuplogicalname":"account"}""");

        loader().process(lookupsPass, List.of(lookup));

        assertThat(target.updates).singleElement().satisfies(write -> assertThat(write).singleElement()
                .satisfies(item -> assertThat(item.recordId()).isEqualTo("id-1")));
        assertThat(target.writes).hasSize(1);

        loader().process(ACCOUNTS, accounts(2));

        assertThat(target.updates).as("the rows pass upserts").hasSize(1);
        assertThat(target.writes).hasSize(2);
    }

    @Test
    void deadLettersADeferredLookupsRowMissingInTheTargetWithAReasonNamingItAndUpdatesTheOthers() {
        TableReleased lookupsPass = new TableReleased("run-bl", "accounts--lookups", "target", "accounts", 100, 4,
                LoadPass.DEFERRED_LOOKUPS, List.of("_parentaccountid_value"));
        target.answer = items -> items.stream().anyMatch(item -> item.recordId().equals("id-2"))
                ? new BatchOutcome(WriteMethod.UPDATE_MULTIPLE, List.of(new BatchOutcome.ItemFailure(null,
                        new ODataException("POST accounts/Microsoft.Dynamics.CRM.UpdateMultiple: Entity 'account' With Id = "
                                + "ID-2 Does Not Exist", 404, "0x80040217", false, null, null))), true)
                : new BatchOutcome(WriteMethod.UPDATE_MULTIPLE, List.of(), true);
        List<PendingRecord> records = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            records.add(record(i, "id-" + i, """
                    {"accountid":"id-%d","_parentaccountid_value":"parent",
                     "_parentaccountid_value@Microsoft.Dynamics.CRM.lookuplogicalname":"account"}""".formatted(i)));
        }

        BatchResult result = loader().process(lookupsPass, records);

        assertThat(result.done()).containsExactlyInAnyOrderElementsOf(records);
        assertThat(published).singleElement().satisfies(letter -> {
            assertThat(letter.recordId()).isEqualTo("id-2");
            assertThat(letter.reason()).startsWith("row id-2 of accounts is not in the target (its rows pass was"
                    + " rejected?); its deferred lookups were not written").contains("Does Not Exist");
            assertThat(letter.targetStatus()).isEqualTo(404);
        });
        assertThat(progress).containsExactly(new LoadProgress("run-bl", "accounts--lookups", 4, 1));
    }

    @Test
    void sendsNoRequestForABatchOfOnlyNullDeferredLookups() {
        TableReleased lookupsPass = new TableReleased("run-bl", "accounts--lookups", "target", "accounts", 100, 4,
                LoadPass.DEFERRED_LOOKUPS, List.of("_parentaccountid_value"));
        List<PendingRecord> records = List.of(record(0, "id-0", "{\"accountid\":\"id-0\",\"_parentaccountid_value\":null}"));

        BatchResult result = loader().process(lookupsPass, records);

        assertThat(result.done()).containsExactlyElementsOf(records);
        assertThat(target.writes).allSatisfy(write -> assertThat(write).isEmpty());
        assertThat(progress).isEmpty();
    }

    @Test
    void bindsKeptOutsideLookupsWhoseRowsExistAsksOncePerBatchAndRemembersThem() {
        TableReleased contacts = contactsWithOutsideAccounts(LookupRule.KEEP);
        target.existingRows.add("a1");
        List<PendingRecord> first = List.of(contact(0, "c0", "a1"), contact(1, "c1", "a2"), contact(2, "c2", "a1"));

        BatchResult result = loader().process(contacts, first);

        assertThat(result.done()).containsExactlyInAnyOrderElementsOf(first);
        assertThat(target.existenceChecks).containsExactly(List.of("a1", "a2"));
        assertThat(target.writes).singleElement().satisfies(write -> assertThat(write)
                .extracting(UpsertItem::recordId).containsExactly("c0", "c2"));
        assertThat(published).singleElement().satisfies(letter -> {
            assertThat(letter.recordId()).isEqualTo("c1");
            assertThat(letter.table()).isEqualTo("contacts");
            assertThat(letter.reason()).isEqualTo("Record c1 of contacts: lookup parentcustomerid"
                    + " (_parentcustomerid_value) points at accounts(a2), which the plan does not copy and which is not"
                    + " in the target. Add accounts to the plan, or set the rule of lookup parentcustomerid to clear to"
                    + " load the record without it.");
        });
        assertThat(progress).containsExactly(new LoadProgress("run-bl", "contacts", 2, 1));

        loader().process(contacts, List.of(contact(3, "c3", "a1")));
        assertThat(target.existenceChecks).as("a1 is known to exist").hasSize(1);
    }

    @Test
    void triesTheBatchAgainWhenTheTargetCannotSayNowWhetherOutsideRowsExist() {
        CountingClient failing = new CountingClient(EmulatorMetadata.crm()) {
            @Override
            public Set<String> existingIds(String entitySet, Collection<String> ids) {
                throw new ODataException("Service unavailable", 503, "0x80040216", true, Duration.ofSeconds(2), null);
            }
        };
        List<PendingRecord> records = List.of(contact(0, "c0", "a1"));

        BatchResult result = loader(failing).process(contactsWithOutsideAccounts(LookupRule.KEEP), records);

        assertThat(result.retry()).containsExactlyElementsOf(records);
        assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(2));
        assertThat(failing.writes).isEmpty();
        assertThat(published).isEmpty();
    }

    @Test
    void writesEachIntersectRowAsAnAssociationAndDeadLettersOneMissingASide() {
        TableReleased associations = new TableReleased("run-bl", "accountleads_association--associations", "target",
                "accountleadscollection", 100, 4, LoadPass.ASSOCIATIONS, List.of(),
                new AssociationTarget("accountleads_association", "accounts", "accountleads_association", "accountid",
                        "leads", "leadid"), List.of());
        List<PendingRecord> records = List.of(
                record(0, "al-0", "{\"accountleadid\":\"al-0\",\"accountid\":\"a0\",\"leadid\":\"l0\"}"),
                record(1, "al-1", "{\"accountleadid\":\"al-1\",\"accountid\":\"a1\"}"),
                record(2, "al-2", "{\"accountleadid\":\"al-2\",\"accountid\":\"a2\",\"leadid\":\"l2\"}"),
                new PendingRecord(PARTITION, 3, "al-3", null));

        BatchResult result = loader().process(associations, records);

        assertThat(result.done()).containsExactlyInAnyOrderElementsOf(records);
        assertThat(target.writes).isEmpty();
        assertThat(target.associations).singleElement().isEqualTo(List.of(new AssociationItem("al-0", "a0", "l0"),
                new AssociationItem("al-2", "a2", "l2")));
        assertThat(published).singleElement().satisfies(letter -> {
            assertThat(letter.recordId()).isEqualTo("al-1");
            assertThat(letter.reason()).contains("has no leadid (the id of the leads row it links)");
        });
        assertThat(progress).containsExactly(
                new LoadProgress("run-bl", "accountleads_association--associations", 2, 1));
    }

    @Test
    void deadLettersAnAssociationTheTargetRefusesNamingThePair() {
        TableReleased associations = new TableReleased("run-bl", "accountleads_association--associations", "target",
                "accountleadscollection", 100, 4, LoadPass.ASSOCIATIONS, List.of(),
                new AssociationTarget("accountleads_association", "accounts", "accountleads_association", "accountid",
                        "leads", "leadid"), List.of());
        target.associationAnswer = items -> new BatchOutcome(WriteMethod.BATCH, items.stream()
                .filter(item -> item.toId().equals("gone"))
                .map(item -> new BatchOutcome.ItemFailure(item.recordId(), new ODataException(
                        "lead With Id = gone Does Not Exist", 404, "0x80040217", false, null, null)))
                .toList(), false);
        List<PendingRecord> records = List.of(
                record(0, "al-0", "{\"accountid\":\"a0\",\"leadid\":\"l0\"}"),
                record(1, "al-1", "{\"accountid\":\"a1\",\"leadid\":\"gone\"}"));

        BatchResult result = loader().process(associations, records);

        assertThat(result.done()).containsExactlyInAnyOrderElementsOf(records);
        assertThat(published).singleElement().satisfies(letter -> {
            assertThat(letter.recordId()).isEqualTo("al-1");
            assertThat(letter.targetStatus()).isEqualTo(404);
            assertThat(letter.reason()).contains("accounts(a1) to leads(gone) through accountleads_association")
                    .contains("one of the two rows is not in the target").contains("Does Not Exist");
        });
    }

    private static TableReleased contactsWithOutsideAccounts(LookupRule rule) {
        return new TableReleased("run-bl", "contacts", "target", "contacts", 100, 4, LoadPass.ROWS, List.of(), null,
                List.of(new OutsideLookup("_parentcustomerid_value", "parentcustomerid", List.of("accounts"), rule)));
    }

    private static PendingRecord contact(long offset, String id, String parentAccount) {
        return record(offset, id, """
                {"contactid":"%s","lastname":"Müller","_parentcustomerid_value":"%s",
                 "_parentcustomerid_value@Microsoft.Dynamics.CRM.lookuplogicalname":"account"}"""
                .formatted(id, parentAccount));
    }

    private BatchLoader loader() {
        return loader(target);
    }

    private BatchLoader loader(ODataClient target) {
        ODataClients clients = new ODataClients() {
            @Override
            public ODataClient client(String environment) {
                return target;
            }

            @Override
            public Set<String> environments() {
                return Set.of("target");
            }
        };
        return new BatchLoader(() -> clients, new RecordMapper(), deadLetters, new LoadMetrics(registry), progress::add,
                existingRows);
    }

    private double counter(String name) {
        return registry.get(name).tag("run", "run-bl").tag("table", "accounts").counter().count();
    }

    private static List<PendingRecord> accounts(int count) {
        return IntStream.range(0, count).mapToObj(i -> record(i, "id-" + i, """
                {"@odata.etag":"W/\\"1\\"","accountid":"id-%d","name":"Account %d",
                 "name@OData.Community.Display.V1.FormattedValue":"Account %d","createdon":"2022-02-23T10:54:30Z"}"""
                .formatted(i, i, i))).toList();
    }

    private static PendingRecord record(long offset, String key, String json) {
        return new PendingRecord(PARTITION, offset, key, json.getBytes(StandardCharsets.UTF_8));
    }
}
