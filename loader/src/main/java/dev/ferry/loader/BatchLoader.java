package dev.ferry.loader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.common.contract.DeadLetter;
import dev.ferry.common.contract.LoadPass;
import dev.ferry.common.contract.TableReleased;
import dev.ferry.common.odata.BatchOutcome;
import dev.ferry.common.odata.ODataClient;
import dev.ferry.common.odata.ODataClients;
import dev.ferry.common.odata.ODataException;
import dev.ferry.common.odata.UnknownEnvironmentException;
import dev.ferry.common.odata.UpsertItem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Loads one batch of a released table, on a worker thread: maps each record to the target's
 * shape, writes them in one request (split to find the bad ones, see {@link BatchSplitter}),
 * sends the refused and unmappable ones to the dead-letter topic, and reports counts and metrics
 * ({@link BatchTally}). It returns which records are durable (to acknowledge) and which to write
 * again later.
 *
 * <p>The rows pass upserts; the {@link LoadPass#DEFERRED_LOOKUPS deferred-lookups pass} only
 * updates ({@link ODataClient#update}), so that a row missing in the target (its rows-pass record was
 * dead-lettered) is refused and dead-lettered instead of being created half-empty; the
 * {@link LoadPass#ASSOCIATIONS associations pass} writes links ({@link AssociationWriter}).
 *
 * <p>A record whose lookup points at a row of a table outside the plan under the {@code keep} rule
 * is written only if that row exists in the target ({@link ExistingRows}, asked in bulk per batch);
 * otherwise it is dead-lettered with what to do.
 */
final class BatchLoader implements UpsertBatcher.BatchProcessor {

    private static final int NOT_FOUND = 404;

    private final Supplier<ODataClients> clients;
    private final RecordMapper mapper;
    private final DeadLetterPublisher deadLetters;
    private final LoadMetrics metrics;
    private final ProgressSink progress;
    private final ExistingRows existingRows;
    private final AssociationWriter associations;

    BatchLoader(Supplier<ODataClients> clients, RecordMapper mapper, DeadLetterPublisher deadLetters,
            LoadMetrics metrics, ProgressSink progress, ExistingRows existingRows) {
        this.clients = clients;
        this.mapper = mapper;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.progress = progress;
        this.existingRows = existingRows;
        this.associations = new AssociationWriter(metrics);
    }

    /** One record id of the batch: what is written for it and the data records it stands for. */
    private static final class Entry {
        UpsertItem item;
        List<OutsideReference> outsideReferences;
        final List<PendingRecord> records = new ArrayList<>();
    }

    @Override
    public BatchResult process(TableReleased table, List<PendingRecord> records) {
        metrics.batch(table.runId(), table.table(), records.size());
        ODataClient client;
        TableMapping mapping = null;
        try {
            client = clients.get().client(table.targetEnvironment());
            if (table.pass() != LoadPass.ASSOCIATIONS) {
                mapping = mapper.mappingFor(client, table);
            }
        } catch (ODataException e) {
            return BatchResult.retryAll(records, e.retryAfter().orElse(null),
                    "cannot read the metadata of target " + table.targetEnvironment() + ": " + e.getMessage());
        } catch (UnknownEnvironmentException | TargetTableException e) {
            return BatchResult.retryAll(records, null, e.getMessage());
        }
        BatchTally tally = new BatchTally(table, deadLetters, metrics, progress);
        ODataException retryCause = mapping == null ? associations.write(client, table, records, tally)
                : writeRows(client, table, mapping, records, tally);
        return tally.settle(retryCause);
    }

    /** @return why some records could not be written now, or null */
    private ODataException writeRows(ODataClient client, TableReleased table, TableMapping mapping,
            List<PendingRecord> records, BatchTally tally) {
        Map<String, Entry> byId = new LinkedHashMap<>();
        for (PendingRecord record : records) {
            if (record.value() == null) {
                // A tombstone carries nothing to write (deleting rows is not part of a load yet).
                tally.skipped(record);
                continue;
            }
            ObjectNode source = null;
            try {
                source = RecordJson.parse(record);
                String id = recordId(record, source, mapping);
                ObjectNode body = mapping.map(source);
                if (mapping.writesNothing(body)) {
                    // Deferred-lookups pass, every deferred lookup null: nothing to set, no request.
                    tally.skipped(record);
                    continue;
                }
                // The same id twice in a batch (a record extracted again): the later one is written,
                // and stands for both.
                Entry entry = byId.computeIfAbsent(id, key -> new Entry());
                entry.item = new UpsertItem(id, body);
                entry.outsideReferences = mapping.keptOutsideReferences(source);
                entry.records.add(record);
            } catch (UnmappableRecordException e) {
                tally.rejected(new DeadLetter(table.runId(), table.table(),
                        record.key() != null ? record.key() : record.position(), e.getMessage(), null, null, source),
                        List.of(record));
            }
        }

        ODataException checkFailure = rejectMissingOutsideRows(client, table, byId, tally);
        if (checkFailure != null) {
            byId.values().forEach(entry -> tally.retry(entry.records));
            return checkFailure;
        }

        List<UpsertItem> items = byId.values().stream().map(entry -> entry.item).toList();
        WriteResult written = new BatchSplitter<UpsertItem>(batch -> write(client, table, batch), UpsertItem::recordId)
                .write(items);
        for (String id : written.written()) {
            tally.loaded(byId.get(id).records);
        }
        written.rejected().forEach((id, error) -> {
            Entry entry = byId.get(id);
            tally.rejected(new DeadLetter(table.runId(), table.table(), id, reason(table, id, error),
                    error.status().orElse(null), error.code().orElse(null), entry.item.body()), entry.records);
        });
        for (String id : written.retry()) {
            tally.retry(byId.get(id).records);
        }
        return written.retryCause();
    }

    /**
     * Dead-letters (and removes from {@code byId}) the records whose {@code keep} lookup points at
     * a row outside the plan that the target lacks: the ids are asked for in bulk, per entity set.
     *
     * @return the target's retriable failure to answer (every record is then tried again), or null
     */
    private ODataException rejectMissingOutsideRows(ODataClient client, TableReleased table, Map<String, Entry> byId,
            BatchTally tally) {
        Map<String, Set<String>> idsBySet = new LinkedHashMap<>();
        for (Entry entry : byId.values()) {
            for (OutsideReference reference : entry.outsideReferences) {
                idsBySet.computeIfAbsent(reference.entitySet(), set -> new LinkedHashSet<>()).add(reference.id());
            }
        }
        for (Map.Entry<String, Set<String>> ids : idsBySet.entrySet()) {
            String set = ids.getKey();
            Set<String> missing;
            String cannotCheck = null;
            try {
                missing = existingRows.missing(client, table.runId(), set, ids.getValue());
            } catch (ODataException e) {
                if (e.retriable()) {
                    return e;
                }
                // Not a passing failure (e.g. no read privilege on that table): the records that need the
                // check are refused with the reason rather than holding the whole table.
                missing = ids.getValue();
                cannotCheck = e.getMessage();
            }
            if (missing.isEmpty()) {
                continue;
            }
            for (Iterator<Map.Entry<String, Entry>> entries = byId.entrySet().iterator(); entries.hasNext(); ) {
                Map.Entry<String, Entry> idAndEntry = entries.next();
                Entry entry = idAndEntry.getValue();
                for (OutsideReference reference : entry.outsideReferences) {
                    if (reference.entitySet().equals(set) && missing.contains(reference.id())) {
                        tally.rejected(new DeadLetter(table.runId(), table.table(), idAndEntry.getKey(),
                                missingRowReason(table, idAndEntry.getKey(), reference, cannotCheck), null, null,
                                entry.item.body()), entry.records);
                        entries.remove();
                        break;
                    }
                }
            }
        }
        return null;
    }

    private static String missingRowReason(TableReleased table, String recordId, OutsideReference reference,
            String cannotCheck) {
        String what = cannotCheck == null
                ? ", which the plan does not copy and which is not in the target"
                : ", which the plan does not copy; whether it is in the target could not be checked (" + cannotCheck + ")";
        return "Record " + recordId + " of " + table.table() + ": " + reference.describe() + what + ". Add "
                + reference.entitySet() + " to the plan, or set the rule of lookup " + reference.lookup().logicalName()
                + " to clear to load the record without it.";
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

    private static String recordId(PendingRecord record, JsonNode source, TableMapping mapping) {
        if (record.key() != null && !record.key().isEmpty()) {
            return record.key();
        }
        return mapping.recordIdOf(source).orElseThrow(() -> new UnmappableRecordException(
                "The record at " + record.position() + " has neither a key nor a value of the target's key"));
    }
}
