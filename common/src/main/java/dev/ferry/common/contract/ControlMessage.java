package dev.ferry.common.contract;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The coordinator's decision about a table, on the compacted {@value Topics#CONTROL}: the latest
 * message per run and table is the one that holds. The JSON carries its kind in {@code "type"}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = TableReleased.class, name = "table-released"),
    @JsonSubTypes.Type(value = TableCancelled.class, name = "table-cancelled")
})
public sealed interface ControlMessage permits TableReleased, TableCancelled {

    /** Separates run and table in a key; run ids never contain it (they are sanitised like topic names). */
    String KEY_SEPARATOR = "/";

    String runId();

    String table();

    /** The record key on {@value Topics#CONTROL}: compaction keeps the latest message per key. */
    default String compactionKey() {
        return runId() + KEY_SEPARATOR + table();
    }
}
