package dev.ferry.emulator.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.emulator.http.DataverseException;
import dev.ferry.emulator.http.ErrorCodes;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The body of {@code POST /_emulator/seed}: rows per table and an optional random seed,
 * {@code {"account":100,"contact":300,"randomSeed":7}}.
 */
record SeedRequest(Map<String, Integer> counts, OptionalLong randomSeed) {
    static final String RANDOM_SEED = "randomSeed";

    static SeedRequest parse(byte[] body) {
        JsonNode root;
        try {
            root = AdminJson.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw badRequest("The seed request is not JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read an in-memory request body", e);
        }
        if (root == null || !root.isObject()) {
            throw badRequest("The seed request must be a JSON object such as {\"account\":100,\"randomSeed\":7}.");
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        OptionalLong seed = OptionalLong.empty();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (e.getKey().equals(RANDOM_SEED)) {
                if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                    throw badRequest("randomSeed must be a whole number, not " + v);
                }
                seed = OptionalLong.of(v.longValue());
            } else {
                if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                    throw badRequest("The row count for '" + e.getKey() + "' must be a whole number, not " + v);
                }
                counts.put(e.getKey(), v.intValue());
            }
        }
        return new SeedRequest(counts, seed);
    }

    static DataverseException badRequest(String message) {
        return new DataverseException(400, ErrorCodes.BAD_REQUEST, message);
    }
}
