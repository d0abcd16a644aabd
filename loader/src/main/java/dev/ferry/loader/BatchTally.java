package dev.ferry.loader;

import dev.ferry.common.contract.DeadLetter;
import dev.ferry.common.contract.LoadProgress;
import dev.ferry.common.contract.TableReleased;
import dev.ferry.common.odata.ODataException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * What became of each record of one batch, collected while it is processed (loaded, nothing to
 * write, refused, to try again) and then settled: the refused ones are published to the
 * dead-letter topic, counts and progress are reported, and the {@link BatchResult} says which
 * records are durable. Used by one worker thread for one batch.
 */
final class BatchTally {

    private static final Logger LOG = Logger.getLogger(BatchTally.class);

    private final TableReleased table;
    private final DeadLetterPublisher deadLetters;
    private final LoadMetrics metrics;
    private final ProgressSink progress;

    private final List<PendingRecord> done = new ArrayList<>();
    private final List<PendingRecord> retry = new ArrayList<>();
    private final Map<DeadLetter, List<PendingRecord>> rejected = new IdentityHashMap<>();
    private final List<DeadLetter> rejectedInOrder = new ArrayList<>();
    private long loaded;

    BatchTally(TableReleased table, DeadLetterPublisher deadLetters, LoadMetrics metrics, ProgressSink progress) {
        this.table = table;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.progress = progress;
    }

    /** Records with nothing to write (tombstones, nothing to set): acknowledged, not counted. */
    void skipped(PendingRecord record) {
        done.add(record);
    }

    /** Records the target acknowledged. */
    void loaded(List<PendingRecord> records) {
        done.addAll(records);
        loaded += records.size();
    }

    /** Records to send to the dead-letter topic with this letter. */
    void rejected(DeadLetter letter, List<PendingRecord> records) {
        rejected.put(letter, records);
        rejectedInOrder.add(letter);
    }

    /** Records to write again later. */
    void retry(List<PendingRecord> records) {
        retry.addAll(records);
    }

    /**
     * Publishes the dead letters (a record whose letter the broker did not take is tried again),
     * reports what was loaded and rejected, and tells which records to acknowledge.
     *
     * @param retryCause why the target could not take the {@link #retry} ones now, or null
     */
    BatchResult settle(ODataException retryCause) {
        long deadLettered = 0;
        if (!rejectedInOrder.isEmpty()) {
            Set<DeadLetter> notPublished = Collections.newSetFromMap(new IdentityHashMap<>());
            notPublished.addAll(deadLetters.publish(rejectedInOrder));
            for (DeadLetter letter : rejectedInOrder) {
                List<PendingRecord> of = rejected.get(letter);
                if (notPublished.contains(letter)) {
                    retry.addAll(of);
                } else {
                    LOG.warnf("Record %s of %s/%s refused, sent to the dead-letter topic: %s", letter.recordId(),
                            table.runId(), table.table(), letter.reason());
                    done.addAll(of);
                    deadLettered += of.size();
                }
            }
        }
        String run = table.runId();
        String name = table.table();
        if (loaded > 0) {
            metrics.loaded(run, name, loaded);
        }
        if (deadLettered > 0) {
            metrics.rejected(run, name, deadLettered);
        }
        if (loaded > 0 || deadLettered > 0) {
            progress.report(new LoadProgress(run, name, loaded, deadLettered));
        }
        return new BatchResult(done, retry, retryCause == null ? null : retryCause.retryAfter().orElse(null),
                retryCause == null ? (retry.isEmpty() ? null : "the dead-letter topic did not acknowledge")
                        : retryCause.getMessage());
    }
}
