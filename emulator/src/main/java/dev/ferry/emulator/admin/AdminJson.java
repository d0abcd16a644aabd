package dev.ferry.emulator.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.emulator.http.ApiResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** Plain JSON answers of the admin endpoints (they are not OData, so no OData headers). */
final class AdminJson {
    static final String CONTENT_TYPE = "application/json; charset=utf-8";
    static final String NDJSON = "application/x-ndjson; charset=utf-8";
    static final ObjectMapper MAPPER = new ObjectMapper();

    private AdminJson() {
    }

    static ApiResponse ok(Object value) {
        try {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", CONTENT_TYPE);
            return new ApiResponse(200, headers, MAPPER.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write admin answer as JSON", e);
        }
    }
}
