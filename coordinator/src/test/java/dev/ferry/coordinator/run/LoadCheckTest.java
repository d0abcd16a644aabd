package dev.ferry.coordinator.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadCheckTest {

    @Test
    void loadedWhenEveryPartitionsCommittedOffsetReachedItsEnd() {
        assertThat(LoadCheck.reached(Map.of(0, 4L, 1, 6L, 2, 0L), Map.of(0, 4L, 1, 7L))).isTrue();
    }

    @Test
    void notLoadedWhileOnePartitionIsBehind() {
        assertThat(LoadCheck.reached(Map.of(0, 4L, 1, 6L), Map.of(0, 4L, 1, 5L))).isFalse();
    }

    @Test
    void aPartitionWithoutCommittedOffsetCountsAsZero() {
        assertThat(LoadCheck.reached(Map.of(0, 0L, 1, 3L), Map.of())).isFalse();
        assertThat(LoadCheck.reached(Map.of(0, 0L, 1, 0L, 2, 0L), Map.of())).isTrue();
    }

    @Test
    void offsetsOfOtherPartitionsDoNotCount() {
        assertThat(LoadCheck.reached(Map.of(0, 2L), Map.of(1, 10L))).isFalse();
    }
}
