package dev.ferry.coordinator.run;

import dev.ferry.common.contract.RunState;
import dev.ferry.common.contract.RunStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The current state of every run, in memory: read by anyone, changed only by the
 * {@link RunEngine}'s thread. States are immutable records, so a reader always sees a whole one.
 * Not ready until the runs were rebuilt from {@code ferry.runs} at startup.
 */
@ApplicationScoped
public class RunRegistry {

    private static final Comparator<RunState> NEWEST_FIRST = Comparator.comparing(RunState::createdAt,
            Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(RunState::runId);

    private final Map<String, RunState> runs = new ConcurrentHashMap<>();
    private final Map<String, RunDetails> details = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();

    /** The run's latest state, if the run exists. */
    public Optional<RunState> get(String runId) {
        return Optional.ofNullable(runs.get(runId));
    }

    /** Every run, newest first. */
    public List<RunState> newestFirst() {
        return runs.values().stream().sorted(NEWEST_FIRST).toList();
    }

    /** How many runs have the status. */
    public long count(RunStatus status) {
        return runs.values().stream().filter(run -> run.status() == status).count();
    }

    /** The details of the run's entries; none for an unknown run or one stored before they existed. */
    public RunDetails details(String runId) {
        return details.getOrDefault(runId, RunDetails.none());
    }

    void put(RunState run) {
        runs.put(run.runId(), run);
    }

    /** A new run: its state and its entries' details, which do not change afterwards. */
    void put(RunState run, RunDetails runDetails) {
        details.put(run.runId(), runDetails);
        runs.put(run.runId(), run);
    }

    /** The runs rebuilt at startup are in: the registry is ready. */
    void rebuilt(Map<String, StoredRun> rebuilt) {
        rebuilt.forEach((runId, stored) -> {
            details.put(runId, stored.details());
            runs.put(runId, stored.state());
        });
        ready.complete(null);
    }

    /** Whether the runs were rebuilt. */
    public boolean isReady() {
        return ready.isDone() && !ready.isCompletedExceptionally();
    }

    /** Completes once the runs were rebuilt. */
    CompletableFuture<Void> ready() {
        return ready;
    }

    /** The rebuild failed: whoever waits is told why. */
    void failed(Throwable cause) {
        ready.completeExceptionally(cause);
    }

    /**
     * Waits until the runs were rebuilt.
     *
     * @throws NotReadyException when they are not within {@code timeout}, or the rebuild failed
     */
    public void awaitReady(Duration timeout) {
        try {
            ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new NotReadyException("The coordinator is still reading the runs' states from ferry.runs;"
                    + " try again in a moment", e);
        } catch (ExecutionException e) {
            throw new NotReadyException("The coordinator could not read the runs' states from ferry.runs: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotReadyException("Interrupted while waiting for the runs' states", e);
        }
    }

    /** The coordinator cannot serve runs yet. */
    public static final class NotReadyException extends RuntimeException {
        NotReadyException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
