package dev.ferry.common.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A record the target refused, on {@code ferry.dlq.<run>} ({@link Topics#deadLetters}), so that
 * the rest of its batch could still be written and a person can see why.
 *
 * @param runId        the run
 * @param table        the table
 * @param recordId     the source record id (the key on the data topic)
 * @param reason       the target's error message, or Ferry's when the request never reached it
 * @param targetStatus the target's HTTP status, or {@code null} when there was no response
 * @param targetCode   the target's error code (e.g. Dataverse's {@code 0x80040265}), or {@code null}
 * @param record       the record as it was written to the target, to retry or inspect
 */
public record DeadLetter(String runId, String table, String recordId, String reason, Integer targetStatus,
                         String targetCode, JsonNode record) {

    public DeadLetter {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(reason, "reason");
    }
}
