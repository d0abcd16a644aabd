package dev.ferry.emulator.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Web API response: status, headers and either body bytes or, for large answers such as
 * exports, a {@link StreamingBody} written straight to the connection.
 */
public record ApiResponse(int status, Map<String, String> headers, byte[] body, StreamingBody stream) {

    /** A body produced while it is sent, so that it never has to fit in memory. */
    @FunctionalInterface
    public interface StreamingBody {
        void writeTo(java.io.OutputStream out) throws java.io.IOException;
    }

    public static final String JSON = "application/json; odata.metadata=minimal; odata.streaming=true";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public ApiResponse {
        headers = new LinkedHashMap<>(headers);
        body = body == null ? new byte[0] : body;
    }

    public ApiResponse(int status, Map<String, String> headers, byte[] body) {
        this(status, headers, body, null);
    }

    public static ApiResponse streaming(int status, String contentType, StreamingBody stream) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", contentType);
        return new ApiResponse(status, h, new byte[0], stream);
    }

    public static ApiResponse json(int status, byte[] body) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", JSON);
        h.put("OData-Version", "4.0");
        return new ApiResponse(status, h, body);
    }

    public static ApiResponse json(int status, Object value) {
        try {
            return json(status, MAPPER.writeValueAsBytes(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise response", e);
        }
    }

    public static ApiResponse noContent() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("OData-Version", "4.0");
        return new ApiResponse(204, h, new byte[0]);
    }

    public static ApiResponse text(int status, String contentType, String text) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", contentType);
        return new ApiResponse(status, h, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Dataverse's error body for a failed request. */
    public static ApiResponse error(DataverseException e) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("code", e.code());
        error.put("message", e.getMessage());
        return json(e.status(), root);
    }

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new ApiResponse(status, h, body, stream);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
