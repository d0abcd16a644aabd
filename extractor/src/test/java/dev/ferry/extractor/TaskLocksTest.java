package dev.ferry.extractor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TaskLocksTest {

    private final TaskLocks locks = new TaskLocks();

    @Test
    void aSecondTaskOfTheSameTableWaitsUntilTheFirstIsDone() throws Exception {
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CountDownLatch secondWaiting = new CountDownLatch(1);
        List<String> order = new CopyOnWriteArrayList<>();

        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> locks.runExclusively("r/t/-",
                () -> order.add("first waited"), () -> {
                    firstRunning.countDown();
                    awaitLatch(releaseFirst);
                    order.add("first done");
                    return "first";
                }));
        awaitLatch(firstRunning);
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> locks.runExclusively("r/t/-",
                secondWaiting::countDown, () -> {
                    order.add("second ran");
                    return "second";
                }));
        assertThat(secondWaiting.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(second).isNotDone();
        releaseFirst.countDown();

        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("second");
        assertThat(first.get()).isEqualTo("first");
        assertThat(order).containsExactly("first done", "second ran");
        await().atMost(Duration.ofSeconds(5)).until(() -> !locks.isHeld("r/t/-"));
    }

    @Test
    void tasksOfOtherTablesDoNotWait() {
        String result = locks.runExclusively("r/a/-", () -> {
            throw new AssertionError("must not wait");
        }, () -> locks.runExclusively("r/b/-", () -> {
            throw new AssertionError("must not wait");
        }, () -> "both ran"));

        assertThat(result).isEqualTo("both ran");
        assertThat(locks.isHeld("r/a/-")).isFalse();
        assertThat(locks.isHeld("r/b/-")).isFalse();
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("timed out");
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
