package dev.ferry.loader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.common.contract.AssociationTarget;
import dev.ferry.common.contract.DeadLetter;
import dev.ferry.common.contract.LoadPass;
import dev.ferry.common.contract.TableReleased;
import dev.ferry.common.odata.AssociationItem;
import dev.ferry.common.odata.BatchOutcome;
import dev.ferry.common.odata.ODataClient;
import dev.ferry.common.odata.ODataException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one batch of an {@link LoadPass#ASSOCIATIONS associations pass}: each record is a row of a
 * many-to-many relationship's intersect table (e.g. {@code {"accountleadid", "accountid", "leadid"}})
 * and becomes one association ({@code $ref}) in the target, as the release's {@link AssociationTarget}
 * says. Written with {@link ODataClient#associate} and split like upserts ({@link BatchSplitter});
 * an association that exists already counts as written, so a batch delivered again is harmless.
 */
final class AssociationWriter {

    private final LoadMetrics metrics;

    AssociationWriter(LoadMetrics metrics) {
        this.metrics = metrics;
    }

    /** One association of the batch and the data records it stands for. */
    private static final class Entry {
        AssociationItem item;
        ObjectNode source;
        final List<PendingRecord> records = new ArrayList<>();
    }

    /**
     * Writes the batch's associations into the tally.
     *
     * @return why some could not be written now (to try again later), or null
     */
    ODataException write(ODataClient client, TableReleased table, List<PendingRecord> records, BatchTally tally) {
        AssociationTarget association = table.association();
        Map<String, Entry> byId = new LinkedHashMap<>();
        for (PendingRecord record : records) {
            if (record.value() == null) {
                tally.skipped(record);
                continue;
            }
            ObjectNode source = null;
            try {
                source = RecordJson.parse(record);
                String from = idIn(source, association.fromColumn(), association.entitySet(), record, table);
                String to = idIn(source, association.toColumn(), association.relatedEntitySet(), record, table);
                String id = record.key() != null && !record.key().isEmpty() ? record.key() : from + "/" + to;
                // The same intersect row twice in a batch (extracted again): written once, for both.
                Entry entry = byId.computeIfAbsent(id, key -> new Entry());
                entry.item = new AssociationItem(id, from, to);
                entry.source = source;
                entry.records.add(record);
            } catch (UnmappableRecordException e) {
                tally.rejected(new DeadLetter(table.runId(), table.table(), recordName(record), e.getMessage(), null,
                        null, source), List.of(record));
            }
        }

        List<AssociationItem> items = byId.values().stream().map(entry -> entry.item).toList();
        WriteResult written = new BatchSplitter<AssociationItem>(batch -> associate(client, table, batch),
                AssociationItem::recordId).write(items);
        for (String id : written.written()) {
            tally.loaded(byId.get(id).records);
        }
        written.rejected().forEach((id, error) -> {
            Entry entry = byId.get(id);
            tally.rejected(new DeadLetter(table.runId(), table.table(), id, reason(table, entry.item, error),
                    error.status().orElse(null), error.code().orElse(null), entry.source), entry.records);
        });
        for (String id : written.retry()) {
            tally.retry(byId.get(id).records);
        }
        return written.retryCause();
    }

    private static String idIn(ObjectNode source, String column, String entitySet, PendingRecord record,
            TableReleased table) {
        JsonNode id = source.get(column);
        if (id == null || id.isNull() || id.asText().isEmpty()) {
            throw new UnmappableRecordException("Association record " + recordName(record) + " of " + table.table()
                    + " has no " + column + " (the id of the " + entitySet + " row it links), so it cannot be written."
                    + " Extract the intersect table with both " + table.association().fromColumn() + " and "
                    + table.association().toColumn() + ".");
        }
        return id.asText();
    }

    private static String recordName(PendingRecord record) {
        return record.key() != null && !record.key().isEmpty() ? record.key() : record.position();
    }

    /** The target's refusal, with which pair it was and what a 404 (a side missing) means. */
    private static String reason(TableReleased table, AssociationItem item, ODataException error) {
        AssociationTarget association = table.association();
        String pair = association.entitySet() + "(" + item.fromId() + ") to " + association.relatedEntitySet() + "("
                + item.toId() + ") through " + association.navigationProperty();
        String hint = error.status().orElse(0) == 404
                ? " (one of the two rows is not in the target: its own load rejected it, see the dead letters of its"
                        + " table, or the plan's filter left it out)"
                : "";
        return "The target refused association " + item.recordId() + " of " + association.relationship() + ", "
                + pair + hint + ": " + error.getMessage();
    }

    private BatchOutcome associate(ODataClient client, TableReleased table, List<AssociationItem> items) {
        AssociationTarget association = table.association();
        long start = System.nanoTime();
        try {
            return client.associate(association.entitySet(), association.navigationProperty(),
                    association.relatedEntitySet(), items);
        } catch (ODataException e) {
            throw e;
        } catch (RuntimeException e) {
            // Not the target's answer but a failure to send: treated as a refusal, so that the split
            // isolates the association that causes it instead of holding the table forever.
            throw new ODataException("Ferry could not write associations to " + table.targetEnvironment() + "/"
                    + association.entitySet() + "/" + association.navigationProperty() + ": " + e, null, null, false,
                    null, e);
        } finally {
            metrics.write(table.runId(), table.table(), Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
