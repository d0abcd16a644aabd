package dev.ferry.extractor;

import dev.ferry.common.contract.ExtractTask;
import dev.ferry.common.contract.ExtractionFailed;
import dev.ferry.common.odata.ODataException;
import dev.ferry.common.odata.UnknownEnvironmentException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.apache.kafka.common.errors.RetriableException;
import org.jboss.logging.Logger;

/**
 * Runs one extract task to its end: completed, or failed with an {@link ExtractionFailed} event.
 * Transient failures are tried again from the last checkpoint, a bounded number of times.
 * Returns normally only when the task may be acknowledged.
 */
@ApplicationScoped
public class ExtractTaskRunner {

    private static final Logger LOG = Logger.getLogger(ExtractTaskRunner.class);

    private final TableExtractor extractor;
    private final EventPublisher events;
    private final ExtractorConfig config;
    private final StopSignal stop;
    private final TaskLocks locks;

    @Inject
    public ExtractTaskRunner(TableExtractor extractor, EventPublisher events, ExtractorConfig config,
                             StopSignal stop, TaskLocks locks) {
        this.extractor = extractor;
        this.events = events;
        this.config = config;
        this.stop = stop;
        this.locks = locks;
    }

    /**
     * Runs the task.
     *
     * @throws ExtractionStoppedException when the extractor shuts down meanwhile (the task must
     *                                    not be acknowledged)
     * @throws RuntimeException           when even the failure event could not be sent
     */
    public void run(ExtractTask task) {
        String name = describe(task);
        long start = System.nanoTime();
        LOG.infof("Extracting %s: entity set %s from source '%s', %d records per page", name, task.entitySet(),
                task.sourceEnvironment(), task.pageSize());
        try {
            TableExtractor.ExtractionResult result = locks.runExclusively(ExtractCheckpoint.key(task),
                    () -> LOG.infof("Already extracting %s here: this delivery of its task waits for that extraction",
                            name),
                    () -> extractWithAttempts(task, name));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (result.alreadyDone()) {
                LOG.infof("Extracted %s before (%d records in %d pages): completion sent again in %d ms", name,
                        result.completed().recordCount(), result.pages(), took.toMillis());
            } else {
                LOG.infof("Extracted %s: %d records in %d pages%s in %d ms", name, result.completed().recordCount(),
                        result.pages(), result.resumedAfter() > 0
                                ? " (resumed after page " + result.resumedAfter() + ")" : "", took.toMillis());
            }
        } catch (ExtractionStoppedException e) {
            LOG.infof("Stopped extracting %s (%s): it resumes from its checkpoint when the task is redelivered",
                    name, e.getMessage());
            throw e;
        } catch (ExtractionCancelledException e) {
            // The coordinator decided: no failure event (the table is cancelled already), and the
            // task is acknowledged so that no extractor picks it up again.
            LOG.infof("Stopped extracting %s: %s", name, e.getMessage());
        } catch (TaskFailure e) {
            long took = Duration.ofNanos(System.nanoTime() - start).toMillis();
            if (isExplained(e.getCause())) {
                LOG.errorf("Extract task failed after %d ms: %s", took, e.getMessage());
                LOG.debug("The failure's stack trace", e.getCause());
            } else {
                LOG.errorf(e.getCause(), "Extract task failed after %d ms: %s", took, e.getMessage());
            }
            events.publish(new ExtractionFailed(task.runId(), task.table(), ExtractCheckpoint.sliceIndex(task),
                    e.getMessage()));
        }
    }

    private TableExtractor.ExtractionResult extractWithAttempts(ExtractTask task, String name) {
        int attempts = Math.max(1, config.taskAttempts());
        for (int attempt = 1; ; attempt++) {
            try {
                return extractor.extract(task);
            } catch (ExtractionStoppedException | ExtractionCancelledException e) {
                throw e;
            } catch (RuntimeException e) {
                boolean retriable = isRetriable(e);
                if (!retriable || attempt >= attempts) {
                    throw new TaskFailure("Could not extract " + name + " from source '" + task.sourceEnvironment()
                            + "'" + (retriable ? " in " + attempts + " attempts" : "") + ": " + messageOf(e), e);
                }
                LOG.warnf("Attempt %d of %d to extract %s failed (%s); trying again from its checkpoint in %s",
                        attempt, attempts, name, messageOf(e), config.retryBackoff());
                stop.pause(config.retryBackoff(), "the extraction of " + name);
            }
        }
    }

    /** Whether the same attempt may succeed later: the source or Kafka was unavailable, not wrong. */
    static boolean isRetriable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ExtractionException) {
                return false;
            }
            if (cause instanceof ODataException odata) {
                return odata.retriable();
            }
            if (cause instanceof RetriableException) {
                return true;
            }
        }
        return false;
    }

    /** Whether the message says all there is (a known kind of failure), so that a stack trace would add only noise. */
    private static boolean isExplained(Throwable failure) {
        return failure instanceof ExtractionException || failure instanceof UnknownEnvironmentException
                || failure instanceof ODataException || failure instanceof KafkaWriteException
                || failure instanceof TopicAdmin.KafkaAdminException;
    }

    private static String messageOf(Throwable failure) {
        return failure.getMessage() == null ? failure.toString() : failure.getMessage();
    }

    private static String describe(ExtractTask task) {
        return "table " + task.table() + " (run " + task.runId()
                + (task.slice() == null ? "" : ", slice " + task.slice().index() + " of " + task.slice().count())
                + ")";
    }

    /** The task failed for good; the message is the reason sent in the failure event. */
    private static final class TaskFailure extends RuntimeException {
        TaskFailure(String reason, Throwable cause) {
            super(reason, cause);
        }
    }
}
