package dev.ferry.extractor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.common.contract.ExtractTask;
import dev.ferry.common.contract.ExtractionCompleted;
import dev.ferry.common.contract.ExtractionFailed;
import dev.ferry.common.contract.ExtractionProgress;
import dev.ferry.common.contract.Messages;
import dev.ferry.common.contract.Slice;
import dev.ferry.common.contract.TableCancelled;
import dev.ferry.common.contract.Topics;
import dev.ferry.common.odata.ODataClients;
import dev.ferry.common.odata.Page;
import dev.ferry.testkit.KafkaBrokerTestResource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/** The extractor against a real broker and an emulated Dataverse source, driven through its task topic. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(SourceEmulatorResource.class)
class ExtractorTest {

    private static final int PAGE_SIZE = 5000;
    private static final int PARTITIONS = 3;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** accountnumber is ACC-0000001, ACC-0000002, …: this filter matches exactly the first 100. */
    private static final String FIRST_HUNDRED = "accountnumber le 'ACC-0000100'";

    @Inject
    ODataClients clients;

    @Inject
    CheckpointStore checkpoints;

    @Inject
    MeterRegistry registry;

    @Inject
    CancelledTables cancelledTables;

    @Test
    void producesEveryRecordOnceKeyedByItsIdAndReportsEachPageAndTheEndOffsets() throws Exception {
        ExtractTask task = accounts(newRun(), List.of(), null);
        String topic = dataTopic(task);

        TestKafka.sendTask(task);
        ExtractionCompleted completed = awaitCompletion(task.runId());

        List<JsonNode> source = SourceExport.rows("account");
        assertThat(source).hasSize(SourceEmulatorResource.ACCOUNTS);
        List<ConsumerRecord<String, String>> records = TestKafka.readAll(topic);
        assertThat(records).extracting(ConsumerRecord::key).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(ids(source));
        Map<String, JsonNode> sourceById = source.stream()
                .collect(Collectors.toMap(row -> row.get("accountid").asText(), Function.identity()));
        for (ConsumerRecord<String, String> record : records) {
            JsonNode value = JSON.readTree(record.value());
            assertThat(value.get("accountid").asText()).isEqualTo(record.key());
            assertThat(value.get("name").asText()).isEqualTo(sourceById.get(record.key()).get("name").asText());
        }
        // The JSON as the source sent it: the loader needs the lookups' annotations.
        assertThat(records).anySatisfy(record -> assertThat(record.value())
                .contains("\"_parentaccountid_value@Microsoft.Dynamics.CRM.lookuplogicalname\":\"account\""));

        assertThat(TestKafka.eventsOf(task.runId(), ExtractionProgress.class)).containsExactly(
                new ExtractionProgress(task.runId(), "accounts", null, 1, 5_000),
                new ExtractionProgress(task.runId(), "accounts", null, 2, 10_000),
                new ExtractionProgress(task.runId(), "accounts", null, 3, 12_000));
        assertThat(TestKafka.eventsOf(task.runId(), ExtractionCompleted.class)).hasSize(1);
        assertThat(completed.recordCount()).isEqualTo(SourceEmulatorResource.ACCOUNTS);
        assertThat(completed.endOffsets()).containsOnlyKeys(TestKafka.partitions(PARTITIONS));
        assertThat(completed.endOffsets().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(SourceEmulatorResource.ACCOUNTS);
        assertThat(pagesRead(task.runId())).isEqualTo(3);
        assertThat(counter(ExtractionMetrics.RECORDS_EXTRACTED, task.runId())).isEqualTo(12_000);
        assertThat(registry.find(ExtractionMetrics.PAGE_READ_TIME).tag("run", task.runId()).tag("table", "accounts")
                .timer().count()).isEqualTo(3);
    }

    @Test
    void tasksRunAtTheSameTime() throws Exception {
        ExtractTask first = accounts(newRun(), List.of(), null);
        ExtractTask second = accounts(newRun(), List.of(), null);
        dataTopic(first);
        dataTopic(second);

        TestKafka.sendTask(first);
        TestKafka.sendTask(second);
        awaitCompletion(first.runId());
        awaitCompletion(second.runId());

        // One after the other, every event of the first run would come before any of the second.
        List<String> runsInEventOrder = TestKafka.eventsOfRuns(Set.of(first.runId(), second.runId())).stream()
                .map(event -> event.runId()).toList();
        int firstCompleted = runsInEventOrder.lastIndexOf(first.runId());
        int secondStarted = runsInEventOrder.indexOf(second.runId());
        int secondCompleted = runsInEventOrder.lastIndexOf(second.runId());
        int firstStarted = runsInEventOrder.indexOf(first.runId());
        assertThat(secondStarted < firstCompleted && firstStarted < secondCompleted)
                .as("events in order of runs: %s", runsInEventOrder).isTrue();
    }

    @Test
    void aTableWithNoMatchingRecordCompletesWithNoRecordsAndTheCurrentEndOffsets() throws Exception {
        ExtractTask task = accounts(newRun(), List.of("name"), "accountnumber eq 'no such number'");
        dataTopic(task);

        TestKafka.sendTask(task);
        ExtractionCompleted completed = awaitCompletion(task.runId());

        assertThat(completed.recordCount()).isZero();
        assertThat(completed.endOffsets()).isEqualTo(Map.of(0, 0L, 1, 0L, 2, 0L));
        assertThat(TestKafka.eventsOf(task.runId(), ExtractionProgress.class))
                .containsExactly(new ExtractionProgress(task.runId(), "accounts", null, 1, 0));
    }

    @Test
    void aSliceGetsTheRecordsOfThePlanFilterAndItsOwnAndReportsItsIndex() throws Exception {
        ExtractTask task = new ExtractTask(newRun(), "accounts", "accounts", List.of("accountnumber"), FIRST_HUNDRED,
                PAGE_SIZE, SourceEmulatorResource.ENVIRONMENT, new Slice(1, 2, "accountnumber gt 'ACC-0000050'"));
        String topic = dataTopic(task);

        TestKafka.sendTask(task);
        ExtractionCompleted completed = awaitCompletion(task.runId());

        assertThat(completed.slice()).isEqualTo(1);
        assertThat(completed.recordCount()).isEqualTo(50);
        assertThat(TestKafka.readAll(topic)).hasSize(50).allSatisfy(record -> assertThat(record.value())
                .containsPattern("\"accountnumber\":\"ACC-0000(05[1-9]|0[6-9][0-9]|100)\""));
        assertThat(TestKafka.eventsOf(task.runId(), ExtractionProgress.class)).extracting(ExtractionProgress::slice)
                .containsExactly(1);
    }

    @Test
    void aTaskWithSelectAndFilterGetsOnlyTheMatchingRecordsAndColumns() throws Exception {
        ExtractTask task = accounts(newRun(), List.of("name", "accountnumber"), FIRST_HUNDRED);
        String topic = dataTopic(task);

        TestKafka.sendTask(task);
        ExtractionCompleted completed = awaitCompletion(task.runId());

        List<String> expected = ids(SourceExport.rows("account").stream()
                .filter(row -> row.get("accountnumber").asText().compareTo("ACC-0000100") <= 0).toList());
        assertThat(expected).hasSize(100);
        List<ConsumerRecord<String, String>> records = TestKafka.readAll(topic);
        assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(expected);
        for (ConsumerRecord<String, String> record : records) {
            assertThat(columns(record.value())).containsExactlyInAnyOrder("accountid", "name", "accountnumber");
        }
        assertThat(completed.recordCount()).isEqualTo(100);
    }

    @Test
    void aTaskResumedFromACheckpointDoesNotReadItsFirstPageAgainAndItsEndOffsetsCoverTheWholeTopic()
            throws Exception {
        ExtractTask task = accounts(newRun(), List.of(), null);
        String topic = dataTopic(task);
        Page first = clients.client(SourceEmulatorResource.ENVIRONMENT)
                .firstPage(ExtractQueries.of(task, List.of("accountid")));
        // As if an extractor had produced page 1, checkpointed it, produced a few records of page 2
        // again (here: of page 1, what matters is that they are in the topic) and died.
        Map<String, String> firstPage = first.records().stream()
                .collect(Collectors.toMap(r -> r.get("accountid").asText(), Object::toString));
        TestKafka.produce(topic, firstPage);
        TestKafka.produce(topic, firstPage.entrySet().stream().limit(10)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        checkpoints.write(task, ExtractCheckpoint.afterPage(task, first.nextLink(), 1, PAGE_SIZE));

        TestKafka.sendTask(task);
        ExtractionCompleted completed = awaitCompletion(task.runId());

        List<ConsumerRecord<String, String>> records = TestKafka.readAll(topic);
        assertThat(records).hasSize(SourceEmulatorResource.ACCOUNTS + 10);
        assertThat(records.stream().filter(record -> !firstPage.containsKey(record.key())))
                .hasSize(SourceEmulatorResource.ACCOUNTS - PAGE_SIZE);
        assertThat(pagesRead(task.runId())).isEqualTo(2);
        assertThat(TestKafka.eventsOf(task.runId(), ExtractionProgress.class))
                .extracting(ExtractionProgress::pages, ExtractionProgress::records)
                .containsExactly(tuple(2L, 10_000L), tuple(3L, 12_000L));
        assertThat(completed.recordCount()).isEqualTo(SourceEmulatorResource.ACCOUNTS);
        // Every record in the topic is below the reported end offsets, those produced before the restart too.
        assertThat(completed.endOffsets().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(records.size());
    }

    @Test
    void aCompletedTaskDeliveredAgainOnlyReportsItsCompletionAgain() throws Exception {
        ExtractTask task = accounts(newRun(), List.of("name"), FIRST_HUNDRED);
        String topic = dataTopic(task);
        TestKafka.sendTask(task);
        ExtractionCompleted first = awaitCompletion(task.runId());

        TestKafka.sendTask(task);
        await().atMost(TIMEOUT).until(() -> TestKafka.eventsOf(task.runId(), ExtractionCompleted.class).size() == 2);

        assertThat(TestKafka.eventsOf(task.runId(), ExtractionCompleted.class)).containsExactly(first, first);
        assertThat(TestKafka.readAll(topic)).hasSize(100);
        assertThat(pagesRead(task.runId())).isEqualTo(1);
    }

    @Test
    void aTaskDeliveredTwiceAtOnceIsExtractedOnceAndCompletedTwice() throws Exception {
        ExtractTask task = accounts(newRun(), List.of(), null);
        String topic = dataTopic(task);

        TestKafka.sendTask(task);
        TestKafka.sendTask(task);
        await().atMost(TIMEOUT).until(() -> TestKafka.eventsOf(task.runId(), ExtractionCompleted.class).size() == 2);

        List<ExtractionCompleted> completions = TestKafka.eventsOf(task.runId(), ExtractionCompleted.class);
        assertThat(completions.get(1)).isEqualTo(completions.get(0));
        assertThat(TestKafka.readAll(topic)).hasSize(SourceEmulatorResource.ACCOUNTS);
        assertThat(pagesRead(task.runId())).isEqualTo(3);
    }

    @Test
    void anUnknownSourceEnvironmentFailsTheTaskWithAClearReasonAndAcknowledgesIt() throws Exception {
        ExtractTask task = new ExtractTask(newRun(), "accounts", "accounts", List.of(), null, PAGE_SIZE, "nowhere",
                null);
        dataTopic(task);

        RecordMetadata sent = TestKafka.sendTask(task);
        ExtractionFailed failed = awaitFailure(task.runId());

        assertThat(failed.reason()).contains("table accounts", task.runId(), "No environment 'nowhere'",
                "ferry.environments.nowhere.url");
        await().atMost(TIMEOUT).until(() -> TestKafka.committedTaskOffset(sent.partition()) > sent.offset());
        assertThat(TestKafka.eventsOf(task.runId(), ExtractionFailed.class)).hasSize(1);
    }

    @Test
    void aMissingDataTopicFailsTheTaskInsteadOfLettingKafkaCreateIt() throws Exception {
        ExtractTask task = accounts(newRun(), List.of(), FIRST_HUNDRED);

        TestKafka.sendTask(task);
        ExtractionFailed failed = awaitFailure(task.runId());

        assertThat(failed.reason()).contains(Topics.data(task.runId(), "accounts"), "does not exist");
        assertThat(TestKafka.topicExists(Topics.data(task.runId(), "accounts"))).isFalse();
    }

    @Test
    void anUnknownEntitySetFailsTheTaskNamingIt() throws Exception {
        ExtractTask task = new ExtractTask(newRun(), "widgets", "widgets", List.of(), null, PAGE_SIZE,
                SourceEmulatorResource.ENVIRONMENT, null);
        dataTopic(task);

        TestKafka.sendTask(task);

        assertThat(awaitFailure(task.runId()).reason()).contains("table widgets", "no entity set 'widgets'");
    }

    @Test
    void aTaskOfATableTheCoordinatorCancelledIsAcknowledgedWithoutExtractingOrReporting() throws Exception {
        ExtractTask task = accounts(newRun(), List.of(), null);
        String topic = dataTopic(task);
        TestKafka.createTopic(Topics.CONTROL, 1);
        TestKafka.produce(Topics.CONTROL, Map.of(task.runId() + "/" + task.table(),
                Messages.toJson(new TableCancelled(task.runId(), task.table(), "run cancelled by user"))));
        await().atMost(TIMEOUT).until(() -> cancelledTables.reason(task.runId(), task.table()).isPresent());

        RecordMetadata sent = TestKafka.sendTask(task);

        await().atMost(TIMEOUT).until(() -> TestKafka.committedTaskOffset(sent.partition()) > sent.offset());
        assertThat(TestKafka.eventsOf(task.runId())).isEmpty();
        assertThat(TestKafka.readAll(topic)).isEmpty();
    }

    @Test
    void aMalformedTaskIsSkippedAndDoesNotHoldBackTheTasksBehindIt() throws Exception {
        RecordMetadata poison = TestKafka.sendRawTask("garbage", "not a task".getBytes(StandardCharsets.UTF_8));
        ExtractTask task = accounts(newRun(), List.of("name"), FIRST_HUNDRED);
        dataTopic(task);

        TestKafka.sendTask(task);

        assertThat(awaitCompletion(task.runId()).recordCount()).isEqualTo(100);
        await().atMost(TIMEOUT).until(() -> TestKafka.committedTaskOffset(poison.partition()) > poison.offset());
    }

    private static ExtractTask accounts(String runId, List<String> select, String filter) {
        return new ExtractTask(runId, "accounts", "accounts", select, filter, PAGE_SIZE,
                SourceEmulatorResource.ENVIRONMENT, null);
    }

    /** Creates the task's data topic as the coordinator would. */
    private static String dataTopic(ExtractTask task) {
        String topic = Topics.data(task.runId(), task.table());
        TestKafka.createTopic(topic, PARTITIONS);
        return topic;
    }

    private static ExtractionCompleted awaitCompletion(String runId) {
        await().atMost(TIMEOUT).until(() -> !TestKafka.eventsOf(runId, ExtractionCompleted.class).isEmpty()
                || !TestKafka.eventsOf(runId, ExtractionFailed.class).isEmpty());
        assertThat(TestKafka.eventsOf(runId, ExtractionFailed.class)).isEmpty();
        return TestKafka.eventsOf(runId, ExtractionCompleted.class).get(0);
    }

    private static ExtractionFailed awaitFailure(String runId) {
        await().atMost(TIMEOUT).until(() -> !TestKafka.eventsOf(runId, ExtractionFailed.class).isEmpty());
        return TestKafka.eventsOf(runId, ExtractionFailed.class).get(0);
    }

    private double pagesRead(String runId) {
        return counter(ExtractionMetrics.PAGES_READ, runId);
    }

    private double counter(String name, String runId) {
        Counter counter = registry.find(name).tag("run", runId).counter();
        return counter == null ? 0 : counter.count();
    }

    private static List<String> ids(List<JsonNode> rows) {
        return rows.stream().map(row -> row.get("accountid").asText()).toList();
    }

    /** The record's properties, annotations ({@code x@y}, {@code @odata.etag}) left out. */
    private static List<String> columns(String json) throws Exception {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = JSON.readTree(json).fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!name.contains("@")) {
                names.add(name);
            }
        }
        return names;
    }

    private static String newRun() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
