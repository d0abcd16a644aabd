package dev.ferry.coordinator.run;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.KafkaException;

/** Waits for an asynchronous broker call with a deadline, turning its failure into an error that names the call. */
public final class BrokerCalls {
    private BrokerCalls() {
    }

    /**
     * The future's value. A runtime failure is rethrown as it is; any other failure, a timeout or
     * an interruption becomes an {@link IllegalStateException} naming {@code what} was being done.
     */
    public static <T> T await(Future<T> future, Duration timeout, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            // Our own failures (unknown run, refused plan) keep their type; broker failures get context.
            if (e.getCause() instanceof RuntimeException runtime && !(runtime instanceof KafkaException)) {
                throw runtime;
            }
            throw new IllegalStateException("Failed " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Timed out " + what + " after " + timeout + "; is the broker reachable?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted " + what, e);
        }
    }
}
