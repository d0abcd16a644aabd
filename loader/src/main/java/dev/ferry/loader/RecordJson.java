package dev.ferry.loader;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** Reads a data record's value as a JSON object, or says why it cannot be loaded. */
final class RecordJson {

    /** Money and decimals stay exact: no detour through double. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private RecordJson() {
    }

    /**
     * The record's value (not null: tombstones are handled before).
     *
     * @throws UnmappableRecordException if it is not a JSON object
     */
    static ObjectNode parse(PendingRecord record) {
        JsonNode source;
        try {
            source = JSON.readTree(record.value());
        } catch (JsonProcessingException e) {
            throw new UnmappableRecordException("The record at " + record.position() + " is not JSON: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UnmappableRecordException("The record at " + record.position() + " cannot be read: " + e, e);
        }
        if (!(source instanceof ObjectNode object)) {
            throw new UnmappableRecordException("The record at " + record.position() + " is not a JSON object");
        }
        return object;
    }
}
