package dev.ferry.extractor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.common.contract.ExtractTask;
import dev.ferry.common.contract.ExtractionCompleted;
import dev.ferry.common.contract.ExtractionProgress;
import dev.ferry.common.contract.Topics;
import dev.ferry.common.metadata.EntitySetInfo;
import dev.ferry.common.odata.ODataClient;
import dev.ferry.common.odata.ODataClients;
import dev.ferry.common.odata.Page;
import dev.ferry.common.odata.PageQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

/**
 * Extracts one table (or slice) into its data topic, page by page, from its checkpoint on.
 *
 * <p>Each page's records are produced keyed by record id; while Kafka acknowledges them the next
 * page is already being read. Once every record of a page is acknowledged, the checkpoint moves
 * past it and a progress event follows; after the last page the end offsets of every partition
 * go into the final checkpoint and the completion event. A page whose records were produced but
 * not checkpointed (the extractor died in between) is produced again on resumption: the keys are
 * the same, and the loaders' upserts make the duplicates harmless.
 */
@ApplicationScoped
public class TableExtractor {

    private static final Logger LOG = Logger.getLogger(TableExtractor.class);
    /** Writes records exactly as the source sent them: nulls and annotations kept. */
    private static final ObjectWriter RECORD_WRITER = JsonMapper.builder().build().writer();

    private final ODataClients clients;
    private final TopicAdmin topics;
    private final CheckpointStore checkpoints;
    private final RecordProducer producer;
    private final EventPublisher events;
    private final ExtractionMetrics metrics;
    private final StopSignal stop;
    private final CancelledTables cancelled;

    @Inject
    public TableExtractor(ODataClients clients, TopicAdmin topics, CheckpointStore checkpoints,
                          RecordProducer producer, EventPublisher events, ExtractionMetrics metrics, StopSignal stop,
                          CancelledTables cancelled) {
        this.clients = clients;
        this.topics = topics;
        this.checkpoints = checkpoints;
        this.producer = producer;
        this.events = events;
        this.metrics = metrics;
        this.stop = stop;
        this.cancelled = cancelled;
    }

    /**
     * Extracts what is left of the task's table and reports its completion; a task whose
     * completion is checkpointed already only has its completion event sent again.
     *
     * @throws ExtractionException when the task cannot succeed as it is
     * @throws ExtractionStoppedException when the extractor shuts down meanwhile
     * @throws ExtractionCancelledException when the coordinator cancels the table meanwhile
     */
    public ExtractionResult extract(ExtractTask task) {
        cancelled.check(task.runId(), task.table(), "its extraction");
        Optional<ExtractCheckpoint> checkpoint = checkpoints.read(task);
        if (checkpoint.isPresent() && checkpoint.get().completed()) {
            ExtractionCompleted completed = completion(task, checkpoint.get());
            events.publish(completed);
            return new ExtractionResult(completed, checkpoint.get().pages(), checkpoint.get().pages(), true);
        }

        ODataClient client = clients.client(task.sourceEnvironment());
        String topic = Topics.data(task.runId(), task.table());
        int partitions = topics.partitionCount(topic).orElseThrow(() -> new ExtractionException("its data topic "
                + topic + " does not exist. The coordinator creates it before it sends the task; the extractor "
                + "does not, as Kafka would create it with the broker's defaults"));
        EntitySetInfo entitySet = client.metadata().entitySet(task.entitySet())
                .orElseThrow(() -> new ExtractionException("the source's $metadata has no entity set '"
                        + task.entitySet() + "'"));
        RecordKeys keys = new RecordKeys(task.entitySet(), entitySet.recordIdProperties());
        PageQuery query = ExtractQueries.of(task, keys.properties());
        PageReader reader = new PageReader(client, query, metrics, task.runId(), task.table());

        // Only a checkpoint with a next link can be resumed from (one without is not written).
        Optional<ExtractCheckpoint> resumable = checkpoint.filter(last -> last.nextLink() != null);
        long pages = resumable.map(ExtractCheckpoint::pages).orElse(0L);
        long records = resumable.map(ExtractCheckpoint::records).orElse(0L);
        long resumedAfter = pages;
        Page page = resumable.isPresent() ? reader.next(resumable.get().nextLink()) : reader.first();
        while (true) {
            stop.check("the extraction of table " + task.table() + " after page " + pages);
            cancelled.check(task.runId(), task.table(), "its extraction after page " + pages);
            RecordProducer.Pending pending = producer.sendAll(records(topic, keys, page, records));
            String nextLink = page.nextLink();
            int produced = page.records().size();
            // Only the link and the count are kept: the page's records (tens of MB for a wide
            // table) must not stay on the heap while the next page is read.
            page = null;
            // Read ahead while Kafka acknowledges this page: the source is usually the slower side.
            Page next = nextLink == null ? null : reader.next(nextLink);
            pending.await();
            pages++;
            records += produced;
            metrics.recordsExtracted(task.runId(), task.table(), produced);
            LOG.debugf("Run %s, table %s: page %d produced (%d records so far)", task.runId(), task.table(), pages,
                    records);
            ExtractionProgress progress = new ExtractionProgress(task.runId(), task.table(),
                    ExtractCheckpoint.sliceIndex(task), pages, records);
            if (next == null) {
                Map<Integer, Long> endOffsets = topics.endOffsets(topic, partitions);
                ExtractCheckpoint last = ExtractCheckpoint.afterLastPage(task, pages, records, endOffsets);
                checkpoints.write(task, last);
                events.publish(progress);
                ExtractionCompleted completed = completion(task, last);
                events.publish(completed);
                return new ExtractionResult(completed, pages, resumedAfter, false);
            }
            checkpoints.write(task, ExtractCheckpoint.afterPage(task, nextLink, pages, records));
            events.publish(progress);
            page = next;
        }
    }

    private static List<ProducerRecord<String, byte[]>> records(String topic, RecordKeys keys, Page page,
                                                                long firstIndex) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(page.records().size());
        long index = firstIndex;
        for (ObjectNode record : page.records()) {
            records.add(new ProducerRecord<>(topic, keys.keyOf(record, index++), json(record)));
        }
        return records;
    }

    private static byte[] json(ObjectNode record) {
        try {
            return RECORD_WRITER.writeValueAsBytes(record);
        } catch (JsonProcessingException e) {
            // A tree read from JSON always writes back as JSON.
            throw new IllegalStateException("Cannot write a record as JSON", e);
        }
    }

    private static ExtractionCompleted completion(ExtractTask task, ExtractCheckpoint last) {
        return new ExtractionCompleted(task.runId(), task.table(), ExtractCheckpoint.sliceIndex(task), last.records(),
                last.endOffsets());
    }

    /**
     * What an extraction did.
     *
     * @param completed      the completion event sent
     * @param pages          pages produced in all (earlier attempts included)
     * @param resumedAfter   pages a checkpoint already counted when this attempt started
     * @param alreadyDone    whether the table was extracted before and only its completion was sent again
     */
    public record ExtractionResult(ExtractionCompleted completed, long pages, long resumedAfter,
                                   boolean alreadyDone) {
    }
}
