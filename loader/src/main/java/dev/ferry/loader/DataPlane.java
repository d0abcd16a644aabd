package dev.ferry.loader;

import dev.ferry.common.contract.TableReleased;
import dev.ferry.common.contract.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * The loader's data plane: one thread that owns a plain {@link Consumer} subscribed to every data
 * topic ({@link Topics#DATA_TOPIC_PATTERN}) and is the only one to touch it. It keeps the
 * partitions of tables that are not released paused (from the moment they are assigned), hands
 * the records of released ones to the {@link UpsertBatcher}, pauses partitions with too many
 * records in flight, and commits the contiguous acknowledged prefix of each partition
 * ({@link OffsetTracker}) periodically and whenever partitions are revoked.
 *
 * <p>Other threads talk to it only through its command queue ({@link #tableReleased},
 * {@link #tableCancelled}) and the acknowledgement queue the writers fill. SmallRye's channel
 * consumer does not fit here: its own backpressure resumes every partition (KNOWN-GOOD.md).
 */
final class DataPlane implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DataPlane.class);
    /** The batcher's timer looks at lingering and backing-off tables this often at least (with a tiny linger). */
    private static final Duration MIN_BATCHER_TICK = Duration.ofMillis(10);

    /** What the data plane needs to know besides its consumer. */
    record Settings(Duration pollTimeout, Duration commitInterval, int maxInFlightRecords,
                    int maxInFlightPerPartition, int maxConcurrency, Duration linger, UpsertBatcher.Backoff backoff,
                    Duration shutdownTimeout) {
    }

    private final Supplier<Consumer<String, byte[]>> consumerFactory;
    private final Settings settings;
    private final ReleaseGate gate;
    private final UpsertBatcher.BatchProcessor processor;

    /** Commands from other threads, run by the consumer thread before each poll. */
    private final ConcurrentLinkedQueue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<PendingRecord> acknowledgements = new ConcurrentLinkedQueue<>();
    /** The partitions assigned to this loader; read by the writers to drop retries of revoked ones. */
    private final Set<TopicPartition> owned = ConcurrentHashMap.newKeySet();

    // Owned by the consumer thread.
    private final OffsetTracker tracker = new OffsetTracker();
    private final PauseBook pauses = new PauseBook();
    /**
     * Offsets still to be committed: those of partitions the tracker forgot (cancelled tables) and
     * those the broker refused during a rebalance.
     */
    private final Map<TopicPartition, OffsetAndMetadata> pendingCommits = new HashMap<>();
    private volatile Consumer<String, byte[]> consumer;
    private UpsertBatcher batcher;
    private boolean globallyCongested;
    /** Records in flight as of the consumer thread's last look, for monitoring and tests. */
    private volatile int inFlightSnapshot;
    private long nextCommitNanos;
    private boolean commitAgain;

    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile Throwable failure;
    private volatile Thread thread;

    DataPlane(Supplier<Consumer<String, byte[]>> consumerFactory, Settings settings, ReleaseGate gate,
            UpsertBatcher.BatchProcessor processor) {
        this.consumerFactory = consumerFactory;
        this.settings = settings;
        this.gate = gate;
        this.processor = processor;
    }

    /**
     * The data consumer's configuration: the application's Kafka settings plus what the data plane
     * relies on (explicit commits, cooperative-sticky assignment, quick discovery of new topics).
     */
    static Map<String, Object> consumerConfig(Map<String, Object> base, String groupId, Duration metadataMaxAge,
            int maxPollRecords) {
        Map<String, Object> props = new HashMap<>(base);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        // New data topics rebalance the group: cooperative-sticky moves only the partitions that change hands.
        props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        // A pattern subscription sees a new topic only at the next metadata refresh (5 minutes by default).
        props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, (int) metadataMaxAge.toMillis());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return props;
    }

    /** Starts the consumer thread. */
    synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("The data plane is already started");
        }
        thread = new Thread(this::run, "ferry-loader-data-plane");
        thread.start();
    }

    /** The table of that data topic is released: resume its partitions (unless congested). */
    void tableReleased(String dataTopic) {
        commands.add(() -> resumeTable(dataTopic));
    }

    /**
     * The table of that data topic is cancelled: pause its partitions and drop its records that
     * wait to be written, without writing them. Its offsets are left where the acknowledged prefix
     * reached (the dropped records are neither loaded nor committed), so that the group's offsets
     * keep telling how far the table was loaded.
     */
    void tableCancelled(String dataTopic) {
        commands.add(() -> cancelTable(dataTopic));
    }

    /** Whether the consumer thread is running (or starting); false once it stopped or failed. */
    boolean isAlive() {
        Thread current = thread;
        return current != null && current.isAlive() && failure == null;
    }

    /** Why the consumer thread stopped, if it failed. */
    Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    private void run() {
        try {
            consumer = consumerFactory.get();
            batcher = newBatcher();
            consumer.subscribe(Topics.DATA_TOPIC_PATTERN, new Rebalances());
            nextCommitNanos = System.nanoTime() + settings.commitInterval().toNanos();
            // Commands and acknowledgements wait at most one poll timeout: no wakeup() per command.
            while (!stopping) {
                try {
                    runCommands();
                    takeAcknowledgements();
                    applyBackpressure();
                    commitIfDue();
                    handle(consumer.poll(settings.pollTimeout()));
                } catch (WakeupException e) {
                    // close() wants the loop to end; the final commit follows.
                }
            }
        } catch (Throwable e) {
            failure = e;
            LOG.error("The loader's data plane stopped: no records are loaded until the loader restarts", e);
        } finally {
            shutDown();
            stopped.countDown();
        }
    }

    private UpsertBatcher newBatcher() {
        ExecutorService workers = Executors.newFixedThreadPool(settings.maxConcurrency(), named("ferry-loader-writer"));
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(named("ferry-loader-batch-timer"));
        return new UpsertBatcher(processor, acknowledgements::addAll, owned::contains, workers, timer,
                settings.maxConcurrency(), settings.linger(),
                settings.linger().compareTo(MIN_BATCHER_TICK) < 0 ? MIN_BATCHER_TICK : settings.linger(),
                settings.backoff(), System::nanoTime);
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private void runCommands() {
        Runnable command;
        while ((command = commands.poll()) != null) {
            command.run();
        }
    }

    private void handle(ConsumerRecords<String, byte[]> records) {
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> fetched = records.records(partition);
            Optional<TableReleased> release = gate.released(partition.topic());
            if (release.isEmpty() || !owned.contains(partition)) {
                // The table was cancelled after these were fetched: read them again once it is released.
                consumer.seek(partition, fetched.get(0).offset());
                holdBack(partition);
                continue;
            }
            List<PendingRecord> pending = new ArrayList<>(fetched.size());
            for (ConsumerRecord<String, byte[]> record : fetched) {
                tracker.received(partition, record.offset());
                pending.add(new PendingRecord(partition, record.offset(), record.key(), record.value()));
            }
            batcher.add(partition.topic(), release.get(), pending);
        }
    }

    private void takeAcknowledgements() {
        PendingRecord record;
        while ((record = acknowledgements.poll()) != null) {
            tracker.acknowledged(record.partition(), record.offset());
        }
    }

    private void holdBack(TopicPartition partition) {
        if (pauses.pause(partition, PauseReason.NOT_RELEASED)) {
            consumer.pause(List.of(partition));
        }
    }

    private void resumeTable(String dataTopic) {
        if (!gate.isReleased(dataTopic)) {
            return;
        }
        List<TopicPartition> resumed = new ArrayList<>();
        for (TopicPartition partition : partitionsOf(dataTopic)) {
            if (pauses.release(partition, PauseReason.NOT_RELEASED)) {
                resumed.add(partition);
            }
        }
        if (!resumed.isEmpty()) {
            consumer.resume(resumed);
            LOG.infof("Table %s released: loading partitions %s", dataTopic, resumed);
        }
    }

    private void cancelTable(String dataTopic) {
        if (!gate.isCancelled(dataTopic)) {
            return;
        }
        batcher.dropTable(dataTopic);
        List<TopicPartition> partitions = partitionsOf(dataTopic);
        for (TopicPartition partition : partitions) {
            holdBack(partition);
            takeAcknowledgements();
            pendingCommits.putAll(tracker.committable(List.of(partition)));
            OptionalLong firstUnacknowledged = tracker.firstUnacknowledged(partition);
            if (firstUnacknowledged.isPresent()) {
                // Dropped, not loaded: should the table be released again, they are read again.
                consumer.seek(partition, firstUnacknowledged.getAsLong());
            }
            tracker.forget(partition);
        }
        LOG.infof("Table %s cancelled: partitions %s paused, records not yet written dropped", dataTopic, partitions);
    }

    private List<TopicPartition> partitionsOf(String dataTopic) {
        return owned.stream().filter(partition -> partition.topic().equals(dataTopic)).toList();
    }

    /**
     * Pauses a partition whose in-flight records reached its limit (or every partition while the
     * total did) and resumes it once half of them are acknowledged; release pauses stay as they are.
     */
    private void applyBackpressure() {
        int total = tracker.inFlight();
        inFlightSnapshot = total;
        if (!globallyCongested && total >= settings.maxInFlightRecords()) {
            globallyCongested = true;
            LOG.debugf("%d records in flight: pausing every partition until half are written", total);
        } else if (globallyCongested && total <= settings.maxInFlightRecords() / 2) {
            globallyCongested = false;
        }
        List<TopicPartition> toPause = new ArrayList<>();
        List<TopicPartition> toResume = new ArrayList<>();
        for (TopicPartition partition : owned) {
            int inFlight = tracker.inFlight(partition);
            boolean held = pauses.isPausedFor(partition, PauseReason.BACKPRESSURE);
            boolean congested = globallyCongested || (held
                    ? inFlight > settings.maxInFlightPerPartition() / 2
                    : inFlight >= settings.maxInFlightPerPartition());
            if (congested && !held) {
                if (pauses.pause(partition, PauseReason.BACKPRESSURE)) {
                    toPause.add(partition);
                }
            } else if (!congested && held && pauses.release(partition, PauseReason.BACKPRESSURE)) {
                toResume.add(partition);
            }
        }
        if (!toPause.isEmpty()) {
            consumer.pause(toPause);
        }
        if (!toResume.isEmpty()) {
            consumer.resume(toResume);
        }
    }

    private void commitIfDue() {
        long now = System.nanoTime();
        if (commitAgain || now - nextCommitNanos >= 0) {
            nextCommitNanos = now + settings.commitInterval().toNanos();
            commit(tracker.committable(), true);
        }
    }

    /**
     * Commits offsets synchronously. While the group rebalances the broker refuses commits: the
     * offsets are kept and committed after the next poll (a loop that let the exception escape
     * would lose its partitions).
     */
    private void commit(Map<TopicPartition, OffsetAndMetadata> offsets, boolean includePending) {
        Map<TopicPartition, OffsetAndMetadata> all = new LinkedHashMap<>();
        if (includePending) {
            all.putAll(pendingCommits);
        }
        all.putAll(offsets);
        if (all.isEmpty()) {
            commitAgain = false;
            return;
        }
        try {
            consumer.commitSync(all);
            tracker.committed(all);
            pendingCommits.keySet().removeAll(all.keySet());
            commitAgain = false;
            LOG.tracef("Committed %s", all);
        } catch (RebalanceInProgressException e) {
            LOG.debugf("Group rebalancing: committing %d partitions' offsets after the next poll", all.size());
            all.forEach(pendingCommits::putIfAbsent);
            commitAgain = true;
        } catch (CommitFailedException e) {
            // The group moved on without this member: its partitions are read again by their new owners.
            LOG.warnf("Offsets of %s not committed (the group reassigned them): %s", all.keySet(), e.getMessage());
            pendingCommits.keySet().removeAll(all.keySet());
            commitAgain = false;
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            // E.g. a timeout while the broker is away: nothing is lost, the same offsets are offered again.
            LOG.warnf("Committing offsets failed, trying again in %d ms: %s", settings.commitInterval().toMillis(),
                    e.toString());
            all.forEach(pendingCommits::putIfAbsent);
        }
    }

    /** Assignment changes, called by the consumer inside {@code poll} on the consumer thread. */
    private final class Rebalances implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            owned.addAll(partitions);
            List<TopicPartition> held = new ArrayList<>();
            for (TopicPartition partition : partitions) {
                // Cooperative-sticky passes only newly added partitions; kept ones keep their pauses.
                if (!gate.isReleased(partition.topic()) && pauses.pause(partition, PauseReason.NOT_RELEASED)) {
                    held.add(partition);
                }
            }
            if (!held.isEmpty()) {
                consumer.pause(held);
            }
            if (!partitions.isEmpty()) {
                LOG.infof("Assigned %s (held until released: %s)", partitions, held);
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            takeAcknowledgements();
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            for (TopicPartition partition : partitions) {
                Optional.ofNullable(pendingCommits.remove(partition)).ifPresent(offset -> offsets.put(partition, offset));
            }
            offsets.putAll(tracker.committable(partitions));
            if (!offsets.isEmpty()) {
                try {
                    consumer.commitSync(offsets);
                } catch (KafkaException e) {
                    // At least once: the next owner reads from the last committed offset again.
                    LOG.warnf("Offsets of revoked %s not committed; their next owner loads some records again: %s",
                            offsets.keySet(), e.toString());
                }
            }
            forget(partitions);
            LOG.infof("Revoked %s", partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            forget(partitions);
            LOG.warnf("Lost %s without a revocation (their next owner loads the unacknowledged records)", partitions);
        }

        private void forget(Collection<TopicPartition> partitions) {
            owned.removeAll(partitions);
            batcher.dropPartitions(partitions);
            pauses.forget(partitions);
            partitions.forEach(tracker::forget);
            partitions.forEach(pendingCommits::remove);
        }
    }

    private void shutDown() {
        if (batcher != null) {
            batcher.close(settings.shutdownTimeout());
        }
        if (consumer != null) {
            try {
                takeAcknowledgements();
                commit(tracker.committable(), true);
            } catch (RuntimeException e) {
                LOG.warn("Final commit failed; the next owners load the unacknowledged records again", e);
            }
            try {
                consumer.close(CloseOptions.timeout(settings.shutdownTimeout()));
            } catch (RuntimeException e) {
                LOG.warn("Closing the data consumer failed", e);
            }
        }
    }

    /** Stops the consumer thread: writes in flight get the shutdown timeout, then offsets are committed. */
    @Override
    public void close() {
        stopping = true;
        Consumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        Thread started;
        synchronized (this) {
            started = thread;
        }
        if (started == null) {
            return;
        }
        try {
            // The batcher's timeout, the consumer's close and some slack for the commit.
            if (!stopped.await(settings.shutdownTimeout().toMillis() * 3, TimeUnit.MILLISECONDS)) {
                LOG.warn("The data plane did not stop in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The partitions assigned to this loader now. */
    Set<TopicPartition> ownedPartitions() {
        return Set.copyOf(owned);
    }

    /** Records received and not yet acknowledged, as of the consumer thread's last loop. */
    int inFlight() {
        return inFlightSnapshot;
    }
}
