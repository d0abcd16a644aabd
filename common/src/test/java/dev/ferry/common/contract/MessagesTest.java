package dev.ferry.common.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ferry.common.plan.Plan;
import dev.ferry.common.plan.PlanOptions;
import dev.ferry.common.plan.TableSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every contract message survives a trip through its JSON form. */
class MessagesTest {

    private static final String RUN = "7f3c2a";

    @Test
    void extractTaskRoundTrips() {
        ExtractTask task = new ExtractTask(RUN, "contacts", "contacts", List.of("firstname", "_parentcustomerid_value"),
                "statecode eq 0", PlanOptions.DEFAULT_PAGE_SIZE, "prod", new Slice(1, 4, "createdon ge 2020-01-01"));

        assertThat(roundTrip(task, ExtractTask.class)).isEqualTo(task);
    }

    @Test
    void extractTaskWithoutSliceOrFilterLeavesThemOutOfTheJson() {
        ExtractTask task = new ExtractTask(RUN, "accounts", "accounts", List.of(), null, 100, "prod", null);

        assertThat(Messages.toJson(task)).doesNotContain("slice", "filter");
        assertThat(roundTrip(task, ExtractTask.class)).isEqualTo(task);
    }

    @Test
    void eventsRoundTripThroughTheirCommonTypeWithATypeField() {
        List<FerryEvent> events = List.of(
                new ExtractionProgress(RUN, "accounts", null, 3, 15_000),
                new ExtractionCompleted(RUN, "accounts", 2, 20_000, Map.of(0, 6_667L, 1, 6_667L, 2, 6_666L)),
                new LoadProgress(RUN, "accounts", 500, 2));

        for (FerryEvent event : events) {
            assertThat(roundTrip(event, FerryEvent.class)).isEqualTo(event);
        }
        assertThat(Messages.toJson(events.get(1))).contains("\"type\":\"extraction-completed\"");
    }

    @Test
    void endOffsetsKeepTheirIntegerPartitions() {
        ExtractionCompleted completed = (ExtractionCompleted) Messages.fromJson("""
                {"type": "extraction-completed", "runId": "r", "table": "t", "recordCount": 3,
                 "endOffsets": {"0": 2, "5": 1}}""", FerryEvent.class);

        assertThat(completed.endOffsets()).containsExactlyInAnyOrderEntriesOf(Map.of(0, 2L, 5, 1L));
    }

    @Test
    void controlMessagesRoundTripAndShareACompactionKeyPerTable() {
        ControlMessage released = new TableReleased(RUN, "contacts", "test", "contacts", 500, 16);
        ControlMessage cancelled = new TableCancelled(RUN, "contacts", "run cancelled by user");

        assertThat(roundTrip(released, ControlMessage.class)).isEqualTo(released);
        assertThat(roundTrip(cancelled, ControlMessage.class)).isEqualTo(cancelled);
        assertThat(released.compactionKey()).isEqualTo(cancelled.compactionKey()).isEqualTo(RUN + "/contacts");
    }

    @Test
    void deadLetterRoundTripsWithTheRejectedRecord() {
        JsonNode record = JsonNodeFactory.instance.objectNode().put("name", "x".repeat(200)).put("revenue", 12.5);
        DeadLetter letter = new DeadLetter(RUN, "accounts", "5c1f0c9e-7f6a-4c50-9c44-3f2e9f1a0b11",
                "A validation error occurred. The length of the 'name' attribute exceeded 160.", 400, "0x80044331",
                record);

        assertThat(roundTrip(letter, DeadLetter.class)).isEqualTo(letter);
    }

    @Test
    void runStateRoundTripsWithItsPlanTablesAndTimes() {
        Plan plan = new Plan("prod-to-test", "prod", "test",
                List.of(TableSpec.of("accounts"),
                        new TableSpec("contacts", List.of("firstname"), "statecode eq 0", "primary", true)),
                PlanOptions.defaults());
        RunState state = new RunState(RUN, plan, RunStatus.RUNNING,
                Map.of("accounts", new TableState(TableStatus.LOADED, 10, 9, 1, Map.of(0, 10L)),
                        "contacts", TableState.waiting()),
                Instant.parse("2025-01-02T03:04:05Z"), Instant.parse("2025-01-02T03:09:00.123Z"));

        assertThat(roundTrip(state, RunState.class)).isEqualTo(state);
        assertThat(Messages.toJson(state)).contains("\"createdAt\":\"2025-01-02T03:04:05Z\"");
    }

    @Test
    void runStateRoundTripsWithReleaseGatesFailuresAndNotes() {
        Plan plan = new Plan("prod-to-test", "prod", "test",
                List.of(TableSpec.of("accounts"), TableSpec.of("contacts")), PlanOptions.defaults());
        TableState accounts = new TableState(TableStatus.LOADED, 10, 10, 0, Map.of(0, 4L, 1, 6L), true, true,
                List.of(), List.of("accountid", "name"), null);
        TableState contacts = new TableState(TableStatus.FAILED, 3, 0, 0, Map.of(), false, false,
                List.of("accounts"), List.of(), "extraction failed: 400 bad filter");
        RunState state = new RunState(RUN, plan, RunStatus.FAILED, Map.of("accounts", accounts, "contacts", contacts),
                Instant.parse("2025-01-02T03:04:05Z"), Instant.parse("2025-01-02T03:09:00Z"),
                Instant.parse("2025-01-02T03:09:00Z"), "table contacts failed", List.of("a note"));

        assertThat(roundTrip(state, RunState.class)).isEqualTo(state);
    }

    @Test
    void aRunStateWithoutTheLaterFieldsIsStillRead() {
        RunState state = Messages.fromJson("""
                {"runId": "r", "plan": {"name": "n", "source": "a", "target": "b", "tables": [{"entitySet": "accounts"}]},
                 "status": "RUNNING", "tables": {"accounts": {"status": "LOADING", "extracted": 5, "loaded": 2,
                 "rejected": 0, "endOffsets": {"0": 5}}}, "createdAt": "2025-01-02T03:04:05Z"}""", RunState.class);

        assertThat(state.notes()).isEmpty();
        assertThat(state.finishedAt()).isNull();
        assertThat(state.tables().get("accounts"))
                .isEqualTo(new TableState(TableStatus.LOADING, 5, 2, 0, Map.of(0, 5L)));
    }

    @Test
    void readersIgnoreFieldsAddedByANewerVersion() {
        TableReleased released = Messages.fromJson("""
                {"type": "table-released", "runId": "r", "table": "t", "targetEnvironment": "test",
                 "entitySet": "accounts", "batchSize": 500, "maxConcurrency": 16, "priority": 2}""", TableReleased.class);

        assertThat(released).isEqualTo(new TableReleased("r", "t", "test", "accounts", 500, 16));
    }

    @Test
    void aMessageThatIsNotTheExpectedJsonIsMalformed() {
        assertThatThrownBy(() -> Messages.fromBytes("not json".getBytes(), LoadProgress.class))
                .isInstanceOf(MalformedMessageException.class).hasMessageStartingWith("Not a LoadProgress");
        assertThatThrownBy(() -> Messages.fromJson("{\"type\": \"nonsense\"}", FerryEvent.class))
                .isInstanceOf(MalformedMessageException.class);
    }

    @Test
    void theMapperCopyIsConfiguredLikeMessages() throws Exception {
        LoadProgress progress = new LoadProgress(RUN, "accounts", 1, 0);

        assertThat(Messages.mapper().writeValueAsString(progress)).isEqualTo(Messages.toJson(progress));
    }

    @Test
    void extractionFailedRoundTripsAsAnEventWithItsReason() {
        FerryEvent failed = new ExtractionFailed(RUN, "accounts", null,
                "No environment 'nowhere' is configured here (configured: [prod])");

        assertThat(roundTrip(failed, FerryEvent.class)).isEqualTo(failed);
        assertThat(Messages.toJson(failed)).contains("\"type\":\"extraction-failed\"").doesNotContain("slice");
    }

    private static <T> T roundTrip(Object message, Class<T> type) {
        return Messages.fromBytes(Messages.toBytes(message), type);
    }
}
