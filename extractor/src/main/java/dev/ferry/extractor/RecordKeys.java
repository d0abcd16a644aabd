package dev.ferry.extractor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.StringJoiner;

/**
 * The data-topic key of a record: its primary id, read from the entity type's key property
 * ({@code accountid}). A composite key (plain OData services) is written as its OData key
 * predicate without parentheses, e.g. {@code OrderID=7,ProductID=3}, strings quoted.
 */
public final class RecordKeys {

    private final String entitySet;
    private final List<String> keyProperties;

    /**
     * @param entitySet     the source entity set, for error messages
     * @param keyProperties the entity type's key properties, in key order (at least one)
     */
    public RecordKeys(String entitySet, List<String> keyProperties) {
        if (keyProperties.isEmpty()) {
            throw new ExtractionException("entity set '" + entitySet + "' has no key property in the source's "
                    + "$metadata, so its records cannot be keyed");
        }
        this.entitySet = entitySet;
        this.keyProperties = List.copyOf(keyProperties);
    }

    /** The key properties, to make sure the query selects them. */
    public List<String> properties() {
        return keyProperties;
    }

    /**
     * The record's key.
     *
     * @param record the record as the source sent it
     * @param index  its position in the extraction (0 = first record of the table), for the error message
     * @throws ExtractionException naming the record and the property when the record lacks its key
     */
    public String keyOf(ObjectNode record, long index) {
        if (keyProperties.size() == 1) {
            return text(record, keyProperties.get(0), index);
        }
        StringJoiner predicate = new StringJoiner(",");
        for (String property : keyProperties) {
            String value = text(record, property, index);
            predicate.add(property + "=" + (record.get(property).isTextual() ? quoted(value) : value));
        }
        return predicate.toString();
    }

    private String text(ObjectNode record, String property, long index) {
        JsonNode value = record.get(property);
        if (value == null || value.isNull() || value.isContainerNode()) {
            throw new ExtractionException("record " + (index + 1) + " of entity set '" + entitySet
                    + "' has no value for its key property '" + property + "'"
                    + (value == null ? " (the source did not send it)" : ": " + value));
        }
        return value.asText();
    }

    private static String quoted(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
