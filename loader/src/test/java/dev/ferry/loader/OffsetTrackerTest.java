package dev.ferry.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetTrackerTest {

    private static final TopicPartition P0 = new TopicPartition("ferry.data.r1.accounts", 0);
    private static final TopicPartition P1 = new TopicPartition("ferry.data.r1.accounts", 1);

    private final OffsetTracker tracker = new OffsetTracker();

    @Test
    void commitsNothingBeforeAnyAcknowledgement() {
        receive(P0, 0, 1, 2);

        assertThat(tracker.committable()).isEmpty();
        assertThat(tracker.inFlight(P0)).isEqualTo(3);
    }

    @Test
    void commitsOnlyTheContiguousAcknowledgedPrefix() {
        receive(P0, 0, 1, 2, 3, 4);

        tracker.acknowledged(P0, 0);
        tracker.acknowledged(P0, 1);
        tracker.acknowledged(P0, 3);

        assertThat(tracker.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(2)));
        assertThat(tracker.inFlight(P0)).isEqualTo(2);
    }

    @Test
    void anOutOfOrderAcknowledgementIsCommittedOnceTheGapCloses() {
        receive(P0, 10, 11, 12);
        tracker.acknowledged(P0, 12);
        tracker.acknowledged(P0, 11);
        assertThat(tracker.committable()).isEmpty();

        tracker.acknowledged(P0, 10);

        assertThat(tracker.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(13)));
        assertThat(tracker.inFlight()).isZero();
    }

    @Test
    void skipsOffsetsThatWereNeverReceived() {
        // Compaction and transaction markers leave gaps in offsets.
        receive(P0, 3, 7, 9);
        tracker.acknowledged(P0, 3);
        tracker.acknowledged(P0, 7);

        assertThat(tracker.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(9)));
        tracker.acknowledged(P0, 9);
        assertThat(tracker.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(10)));
    }

    @Test
    void keepsPartitionsApart() {
        receive(P0, 0, 1);
        receive(P1, 0, 1);
        tracker.acknowledged(P1, 0);
        tracker.acknowledged(P1, 1);

        assertThat(tracker.committable()).isEqualTo(Map.of(P1, new OffsetAndMetadata(2)));
        assertThat(tracker.inFlight()).isEqualTo(2);
    }

    @Test
    void offersAnOffsetOnlyUntilItIsCommitted() {
        receive(P0, 0, 1);
        tracker.acknowledged(P0, 0);
        tracker.committed(tracker.committable());

        assertThat(tracker.committable()).isEmpty();
        tracker.acknowledged(P0, 1);
        assertThat(tracker.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(2)));
    }

    @Test
    void ignoresDuplicateAndStaleAcknowledgements() {
        receive(P0, 0, 1, 2);
        tracker.acknowledged(P0, 0);
        tracker.acknowledged(P0, 0);
        tracker.acknowledged(P0, 99);
        tracker.acknowledged(P1, 0);

        assertThat(tracker.inFlight()).isEqualTo(2);
        assertThat(tracker.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(1)));
    }

    @Test
    void forgetsARevokedPartitionAndIgnoresItsLateAcknowledgements() {
        receive(P0, 0, 1, 2);
        tracker.acknowledged(P0, 0);

        tracker.forget(P0);
        tracker.acknowledged(P0, 1);

        assertThat(tracker.inFlight()).isZero();
        assertThat(tracker.committable()).isEmpty();
        assertThat(tracker.firstUnacknowledged(P0)).isEmpty();
    }

    @Test
    void tellsTheFirstUnacknowledgedOffsetToSeekBackTo() {
        receive(P0, 5, 6, 7);
        tracker.acknowledged(P0, 5);
        tracker.acknowledged(P0, 7);

        assertThat(tracker.firstUnacknowledged(P0)).hasValue(6);
    }

    @Test
    void refusesOffsetsThatGoBackwards() {
        receive(P0, 5);

        assertThatThrownBy(() -> tracker.received(P0, 4)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("reset a partition before it seeks back");
    }

    @Test
    void commitsOnlyTheRequestedPartitionsOnRevocation() {
        receive(P0, 0);
        receive(P1, 0);
        tracker.acknowledged(P0, 0);
        tracker.acknowledged(P1, 0);

        assertThat(tracker.committable(List.of(P1))).isEqualTo(Map.of(P1, new OffsetAndMetadata(1)));
    }

    private void receive(TopicPartition partition, long... offsets) {
        for (long offset : offsets) {
            tracker.received(partition, offset);
        }
    }
}
