package dev.ferry.extractor;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Tells running tasks that the extractor is shutting down, so that they stop after their current
 * page (checkpointed) instead of running into closed Kafka clients.
 */
@ApplicationScoped
public class StopSignal {

    private final CountDownLatch stopping = new CountDownLatch(1);

    void onShutdown(@Observes ShutdownEvent event) {
        stopping.countDown();
    }

    /** @throws ExtractionStoppedException once the extractor is shutting down */
    public void check(String what) {
        if (stopping.getCount() == 0) {
            throw new ExtractionStoppedException("The extractor is shutting down: " + what + " stops here");
        }
    }

    /**
     * Waits, or returns early when the extractor shuts down.
     *
     * @throws ExtractionStoppedException when the extractor shuts down meanwhile
     */
    public void pause(Duration wait, String what) {
        try {
            if (stopping.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                check(what);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExtractionStoppedException("Interrupted: " + what + " stops here");
        }
    }
}
