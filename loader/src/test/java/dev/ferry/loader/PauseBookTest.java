package dev.ferry.loader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class PauseBookTest {

    private static final TopicPartition P = new TopicPartition("ferry.data.r.accounts", 0);

    private final PauseBook book = new PauseBook();

    @Test
    void backpressureDrainingDoesNotResumeAnUnreleasedTable() {
        assertThat(book.pause(P, PauseReason.NOT_RELEASED)).isTrue();
        assertThat(book.pause(P, PauseReason.BACKPRESSURE)).isFalse();

        assertThat(book.release(P, PauseReason.BACKPRESSURE)).isFalse();
        assertThat(book.isPaused(P)).isTrue();
        assertThat(book.release(P, PauseReason.NOT_RELEASED)).isTrue();
        assertThat(book.isPaused(P)).isFalse();
    }

    @Test
    void aReleaseDoesNotResumeACongestedPartition() {
        book.pause(P, PauseReason.BACKPRESSURE);
        book.pause(P, PauseReason.NOT_RELEASED);

        assertThat(book.release(P, PauseReason.NOT_RELEASED)).isFalse();
        assertThat(book.pausedFor(PauseReason.BACKPRESSURE)).containsExactly(P);
    }

    @Test
    void releasingAReasonThatIsNotHeldChangesNothing() {
        assertThat(book.release(P, PauseReason.NOT_RELEASED)).isFalse();
        book.pause(P, PauseReason.BACKPRESSURE);
        assertThat(book.release(P, PauseReason.NOT_RELEASED)).isFalse();
        assertThat(book.isPausedFor(P, PauseReason.BACKPRESSURE)).isTrue();
    }

    @Test
    void forgetsRevokedPartitions() {
        book.pause(P, PauseReason.NOT_RELEASED);
        book.forget(List.of(P));
        assertThat(book.isPaused(P)).isFalse();
    }
}
