package dev.ferry.loader;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ferry.common.odata.BatchOutcome;
import dev.ferry.common.odata.ODataException;
import dev.ferry.common.odata.UpsertItem;
import dev.ferry.common.odata.WriteMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchSplitterTest {

    /** A target that refuses some ids: all-or-nothing (UpsertMultiple) or per item ($batch). */
    private static class FakeTarget implements BatchSplitter.ItemWriter<UpsertItem> {
        final Set<String> bad;
        final boolean atomic;
        final List<List<String>> requests = new ArrayList<>();
        final List<String> stored = new ArrayList<>();
        int retriableFailuresLeft;

        FakeTarget(Set<String> bad, boolean atomic) {
            this.bad = bad;
            this.atomic = atomic;
        }

        @Override
        public BatchOutcome write(List<UpsertItem> items) {
            List<String> ids = items.stream().map(UpsertItem::recordId).toList();
            requests.add(ids);
            if (retriableFailuresLeft > 0) {
                retriableFailuresLeft--;
                throw new ODataException("Service unavailable", 503, "0x80040216", true, null, null);
            }
            List<BatchOutcome.ItemFailure> failures = new ArrayList<>();
            for (String id : ids) {
                if (bad.contains(id)) {
                    failures.add(new BatchOutcome.ItemFailure(atomic ? null : id, tooLong(id)));
                }
            }
            if (atomic) {
                if (!failures.isEmpty()) {
                    return new BatchOutcome(WriteMethod.UPSERT_MULTIPLE, List.of(failures.get(0)), true);
                }
                stored.addAll(ids);
                return new BatchOutcome(WriteMethod.UPSERT_MULTIPLE, List.of(), true);
            }
            ids.stream().filter(id -> !bad.contains(id)).forEach(stored::add);
            return new BatchOutcome(WriteMethod.BATCH, failures, false);
        }

        static ODataException tooLong(String id) {
            return new ODataException("A validation error occurred. The length of the 'name' attribute of record " + id
                    + " exceeded the maximum allowed length of '160'.", 400, "0x80044331", false, null, null);
        }
    }

    @Test
    void writesAGoodBatchInOneRequest() {
        FakeTarget target = new FakeTarget(Set.of(), true);

        WriteResult result = new BatchSplitter<>(target, UpsertItem::recordId).write(items(8));

        assertThat(result.written()).hasSize(8);
        assertThat(result.rejected()).isEmpty();
        assertThat(target.requests).hasSize(1);
    }

    @Test
    void findsOneBadRecordOfAnAtomicBatchByHalvingAndWritesEveryOther() {
        FakeTarget target = new FakeTarget(Set.of("r5"), true);

        WriteResult result = new BatchSplitter<>(target, UpsertItem::recordId).write(items(16));

        assertThat(result.rejected()).containsOnlyKeys("r5");
        assertThat(result.rejected().get("r5").status()).hasValue(400);
        assertThat(result.rejected().get("r5").code()).hasValue("0x80044331");
        assertThat(result.written()).hasSize(15).doesNotContain("r5");
        assertThat(target.stored).containsExactlyInAnyOrderElementsOf(result.written());
        // 1 + 2 per level below the top: a binary search, not one request per record.
        assertThat(target.requests).hasSize(1 + 2 * 4);
        assertThat(result.hasRetry()).isFalse();
    }

    @Test
    void findsSeveralBadRecords() {
        FakeTarget target = new FakeTarget(Set.of("r0", "r7", "r8"), true);

        WriteResult result = new BatchSplitter<>(target, UpsertItem::recordId).write(items(10));

        assertThat(result.rejected()).containsOnlyKeys("r0", "r7", "r8");
        assertThat(result.written()).containsExactlyInAnyOrder("r1", "r2", "r3", "r4", "r5", "r6", "r9");
    }

    @Test
    void rejectsTheOnlyRecordOfASingleItemBatch() {
        FakeTarget target = new FakeTarget(Set.of("r0"), true);

        WriteResult result = new BatchSplitter<>(target, UpsertItem::recordId).write(items(1));

        assertThat(result.rejected()).containsOnlyKeys("r0");
        assertThat(target.requests).hasSize(1);
    }

    @Test
    void takesPerItemOutcomesWithoutSplitting() {
        FakeTarget target = new FakeTarget(Set.of("r2", "r3"), false);

        WriteResult result = new BatchSplitter<>(target, UpsertItem::recordId).write(items(6));

        assertThat(result.rejected()).containsOnlyKeys("r2", "r3");
        assertThat(result.written()).containsExactly("r0", "r1", "r4", "r5");
        assertThat(target.requests).hasSize(1);
    }

    @Test
    void keepsEverythingForLaterWhenTheTargetFailsRetriably() {
        FakeTarget target = new FakeTarget(Set.of(), true);
        target.retriableFailuresLeft = 1;

        WriteResult result = new BatchSplitter<>(target, UpsertItem::recordId).write(items(4));

        assertThat(result.retry()).containsExactly("r0", "r1", "r2", "r3");
        assertThat(result.retryCause().status()).hasValue(503);
        assertThat(result.written()).isEmpty();
        assertThat(result.rejected()).isEmpty();
    }

    @Test
    void stopsSearchingWhenTheTargetFailsRetriablyMidway() {
        FakeTarget target = new FakeTarget(Set.of("r0"), true) {
            @Override
            public BatchOutcome write(List<UpsertItem> items) {
                if (requests.size() == 1) {
                    // The first half's request (after the whole batch failed) meets a 503.
                    retriableFailuresLeft = 1;
                }
                return super.write(items);
            }
        };

        WriteResult result = new BatchSplitter<>(target, UpsertItem::recordId).write(items(4));

        assertThat(result.retry()).containsExactly("r0", "r1", "r2", "r3");
        assertThat(target.requests).hasSize(2);
    }

    @Test
    void treatsAFatalFailureOfTheWholeRequestLikeAnAtomicRefusal() {
        BatchSplitter.ItemWriter<UpsertItem> writer = items -> {
            if (items.stream().anyMatch(item -> item.recordId().equals("r1"))) {
                throw FakeTarget.tooLong("r1");
            }
            return new BatchOutcome(WriteMethod.SINGLE, List.of(), false);
        };

        WriteResult result = new BatchSplitter<>(writer, UpsertItem::recordId).write(items(3));

        assertThat(result.rejected()).containsOnlyKeys("r1");
        assertThat(result.written()).containsExactlyInAnyOrder("r0", "r2");
    }

    private static List<UpsertItem> items(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> new UpsertItem("r" + i, JsonNodeFactory.instance.objectNode().put("name", "n" + i)))
                .toList();
    }
}
