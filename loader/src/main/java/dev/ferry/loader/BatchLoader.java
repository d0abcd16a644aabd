package dev.ferry.loader;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.common.contract.DeadLetter;
import dev.ferry.common.contract.LoadPass;
import dev.ferry.common.contract.LoadProgress;
import dev.ferry.common.contract.TableReleased;
import dev.ferry.common.odata.BatchOutcome;
import dev.ferry.common.odata.ODataClient;
import dev.ferry.common.odata.ODataClients;
import dev.ferry.common.odata.ODataException;
import dev.ferry.common.odata.UnknownEnvironmentException;
import dev.ferry.common.odata.UpsertItem;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Loads one batch of a released table, on a worker thread: maps each record to the target's
 * shape, writes them in one request (split to find the bad ones, see {@link BatchSplitter}),
 * sends the refused and unmappable ones to the dead-letter topic, and reports counts and metrics.
 * It returns which records are durable (to acknowledge) and which to write again later.
 *
 * <p>The rows pass upserts; the {@link LoadPass#DEFERRED_LOOKUPS deferred-lookups pass} only
 * updates ({@link ODataClient#update}), so that a row missing in the target (its rows-pass record was
 * dead-lettered) is refused and dead-lettered instead of being created half-empty.
 */
final class BatchLoader implements UpsertBatcher.BatchProcessor {

    private static final Logger LOG = Logger.getLogger(BatchLoader.class);
    private static final int NOT_FOUND = 404;

    /** Money and decimals stay exact: no detour through double. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private final Supplier<ODataClients> clients;
    private final RecordMapper mapper;
    private final DeadLetterPublisher deadLetters;
    private final LoadMetrics metrics;
    private final ProgressSink progress;

    BatchLoader(Supplier<ODataClients> clients, RecordMapper mapper, DeadLetterPublisher deadLetters,
            LoadMetrics metrics, ProgressSink progress) {
        this.clients = clients;
        this.mapper = mapper;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.progress = progress;
    }

    /** One record id of the batch: what is written for it and the data records it stands for. */
    private static final class Entry {
        UpsertItem item;
        final List<PendingRecord> records = new ArrayList<>();
    }

    @Override
    public BatchResult process(TableReleased table, List<PendingRecord> records) {
        String run = table.runId();
        String name = table.table();
        metrics.batch(run, name, records.size());
        ODataClient client;
        TableMapping mapping;
        try {
            client = clients.get().client(table.targetEnvironment());
            mapping = mapper.mappingFor(client, table);
        } catch (ODataException e) {
            return BatchResult.retryAll(records, e.retryAfter().orElse(null),
                    "cannot read the metadata of target " + table.targetEnvironment() + ": " + e.getMessage());
        } catch (UnknownEnvironmentException | TargetTableException e) {
            return BatchResult.retryAll(records, null, e.getMessage());
        }

        List<PendingRecord> done = new ArrayList<>();
        List<PendingRecord> retry = new ArrayList<>();
        Map<DeadLetter, List<PendingRecord>> rejected = new IdentityHashMap<>();
        List<DeadLetter> rejectedInOrder = new ArrayList<>();
        Map<String, Entry> byId = new LinkedHashMap<>();
        for (PendingRecord record : records) {
            if (record.value() == null) {
                // A tombstone carries nothing to write (deleting rows is not part of a load yet).
                done.add(record);
                continue;
            }
            JsonNode source = null;
            try {
                source = parse(record);
                String id = recordId(record, source, mapping);
                ObjectNode body = mapping.map((ObjectNode) source);
                if (mapping.writesNothing(body)) {
                    // Deferred-lookups pass, every deferred lookup null: nothing to set, no request.
                    done.add(record);
                    continue;
                }
                // The same id twice in a batch (a record extracted again): the later one is written,
                // and stands for both.
                Entry entry = byId.computeIfAbsent(id, key -> new Entry());
                entry.item = new UpsertItem(id, body);
                entry.records.add(record);
            } catch (UnmappableRecordException e) {
                DeadLetter letter = new DeadLetter(run, name, record.key() != null ? record.key() : record.position(),
                        e.getMessage(), null, null, source);
                rejected.put(letter, List.of(record));
                rejectedInOrder.add(letter);
            }
        }

        List<UpsertItem> items = byId.values().stream().map(entry -> entry.item).toList();
        WriteResult written = new BatchSplitter(batch -> write(client, table, batch)).write(items);
        long loaded = 0;
        for (String id : written.written()) {
            List<PendingRecord> of = byId.get(id).records;
            done.addAll(of);
            loaded += of.size();
        }
        written.rejected().forEach((id, error) -> {
            Entry entry = byId.get(id);
            DeadLetter letter = new DeadLetter(run, name, id, reason(table, id, error), error.status().orElse(null),
                    error.code().orElse(null), entry.item.body());
            rejected.put(letter, entry.records);
            rejectedInOrder.add(letter);
        });
        for (String id : written.retry()) {
            retry.addAll(byId.get(id).records);
        }

        long deadLettered = 0;
        if (!rejectedInOrder.isEmpty()) {
            Set<DeadLetter> notPublished = Collections.newSetFromMap(new IdentityHashMap<>());
            notPublished.addAll(deadLetters.publish(rejectedInOrder));
            for (DeadLetter letter : rejectedInOrder) {
                List<PendingRecord> of = rejected.get(letter);
                if (notPublished.contains(letter)) {
                    retry.addAll(of);
                } else {
                    LOG.warnf("Record %s of %s/%s refused, sent to the dead-letter topic: %s", letter.recordId(), run,
                            name, letter.reason());
                    done.addAll(of);
                    deadLettered += of.size();
                }
            }
        }

        if (loaded > 0) {
            metrics.loaded(run, name, loaded);
        }
        if (deadLettered > 0) {
            metrics.rejected(run, name, deadLettered);
        }
        if (loaded > 0 || deadLettered > 0) {
            progress.report(new LoadProgress(run, name, loaded, deadLettered));
        }
        ODataException cause = written.retryCause();
        return new BatchResult(done, retry, cause == null ? null : cause.retryAfter().orElse(null),
                cause == null ? (retry.isEmpty() ? null : "the dead-letter topic did not acknowledge")
                        : cause.getMessage());
    }

    /**
     * Why the target refused a record: its own words, or — when an update of the deferred-lookups pass
     * found no row to update (404 naming the record) — that the row is missing, which is what to fix.
     */
    private static String reason(TableReleased table, String id, ODataException error) {
        String message = String.valueOf(error.getMessage());
        if (table.pass() == LoadPass.DEFERRED_LOOKUPS && error.status().orElse(0) == NOT_FOUND
                && message.toLowerCase(Locale.ROOT).contains(id.toLowerCase(Locale.ROOT))) {
            return "row " + id + " of " + table.entitySet() + " is not in the target (its rows pass was rejected?);"
                    + " its deferred lookups were not written. The target answered: " + message;
        }
        return message;
    }

    private BatchOutcome write(ODataClient client, TableReleased table, List<UpsertItem> items) {
        long start = System.nanoTime();
        try {
            // The deferred-lookups pass sets lookups on rows the rows pass wrote: update only, never create.
            return table.pass() == LoadPass.DEFERRED_LOOKUPS ? client.update(table.entitySet(), items)
                    : client.upsert(table.entitySet(), items);
        } catch (ODataException e) {
            throw e;
        } catch (RuntimeException e) {
            // Not the target's answer but a failure to send these items at all: treated as a refusal, so
            // that the split isolates the record that causes it instead of holding the table forever.
            throw new ODataException("Ferry could not write to " + table.targetEnvironment() + "/" + table.entitySet()
                    + ": " + e, null, null, false, null, e);
        } finally {
            metrics.write(table.runId(), table.table(), Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private static JsonNode parse(PendingRecord record) {
        JsonNode source;
        try {
            source = JSON.readTree(record.value());
        } catch (JsonProcessingException e) {
            throw new UnmappableRecordException("The record at " + record.position() + " is not JSON: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UnmappableRecordException("The record at " + record.position() + " cannot be read: " + e, e);
        }
        if (!(source instanceof ObjectNode)) {
            throw new UnmappableRecordException("The record at " + record.position() + " is not a JSON object");
        }
        return source;
    }

    private static String recordId(PendingRecord record, JsonNode source, TableMapping mapping) {
        if (record.key() != null && !record.key().isEmpty()) {
            return record.key();
        }
        return mapping.recordIdOf(source).orElseThrow(() -> new UnmappableRecordException(
                "The record at " + record.position() + " has neither a key nor a value of the target's key"));
    }
}
