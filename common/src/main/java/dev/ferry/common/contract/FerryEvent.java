package dev.ferry.common.contract;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What extractors and loaders report to the coordinator on {@value Topics#EVENTS}, keyed by run
 * id so that the events of one run keep their order. The JSON carries its kind in {@code "type"}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ExtractionProgress.class, name = "extraction-progress"),
    @JsonSubTypes.Type(value = ExtractionCompleted.class, name = "extraction-completed"),
    @JsonSubTypes.Type(value = ExtractionFailed.class, name = "extraction-failed"),
    @JsonSubTypes.Type(value = LoadProgress.class, name = "load-progress")
})
public sealed interface FerryEvent permits ExtractionProgress, ExtractionCompleted, ExtractionFailed, LoadProgress {

    String runId();

    String table();

    /** The record key on {@value Topics#EVENTS}. */
    default String partitionKey() {
        return runId();
    }
}
