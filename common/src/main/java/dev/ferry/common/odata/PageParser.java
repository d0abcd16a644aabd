package dev.ferry.common.odata;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a collection answer ({@code {"@odata.context":..,"value":[..],"@odata.nextLink":..}}) one
 * record at a time, so that no tree of the whole body is built next to the records.
 */
final class PageParser {

    private static final String VALUE = "value";
    private static final String NEXT_LINK = "@odata.nextLink";

    private final ObjectMapper mapper;

    PageParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The page in the body; a body that is not a collection answer throws {@link IOException}. */
    Page parse(InputStream body) throws IOException {
        List<ObjectNode> records = new ArrayList<>();
        String nextLink = null;
        boolean sawValue = false;
        try (JsonParser parser = mapper.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("the answer is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken token = parser.nextToken();
                if (VALUE.equals(field) && token == JsonToken.START_ARRAY) {
                    sawValue = true;
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        JsonNode record = mapper.readTree(parser);
                        if (!(record instanceof ObjectNode object)) {
                            throw new IOException("an element of 'value' is not an object");
                        }
                        records.add(object);
                    }
                } else if (NEXT_LINK.equals(field) && token == JsonToken.VALUE_STRING) {
                    nextLink = parser.getText();
                } else {
                    parser.skipChildren();
                }
            }
        }
        if (!sawValue) {
            throw new IOException("the answer has no 'value' array");
        }
        return new Page(records, nextLink);
    }
}
