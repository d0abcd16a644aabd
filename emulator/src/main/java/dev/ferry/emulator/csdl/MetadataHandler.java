package dev.ferry.emulator.csdl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.emulator.EmulatorContext;
import dev.ferry.emulator.http.ApiRequest;
import dev.ferry.emulator.http.ApiResponse;
import dev.ferry.emulator.schema.Schema;
import dev.ferry.emulator.schema.Table;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;

/** Serves {@code $metadata} (CSDL) and the service document. */
public final class MetadataHandler {
    public static final String XML = "application/xml";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Schemas are immutable: each one's document is written once, whichever emulators serve it. */
    private static final Map<Schema, byte[]> DOCUMENTS = Collections.synchronizedMap(new WeakHashMap<>());

    private final EmulatorContext context;

    public MetadataHandler(EmulatorContext context) {
        this.context = context;
    }

    public ApiResponse handle(ApiRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", XML);
        headers.put("OData-Version", "4.0");
        return new ApiResponse(200, headers, document(context.schema()));
    }

    /** The CSDL document of a schema, as served at {@code $metadata}. */
    public static byte[] document(Schema schema) {
        return DOCUMENTS.computeIfAbsent(schema, s -> CsdlWriter.write(s).getBytes(StandardCharsets.UTF_8));
    }

    public ApiResponse serviceDocument(ApiRequest request) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("@odata.context", request.serviceRoot() + "$metadata");
        ArrayNode value = root.putArray("value");
        for (Table t : context.schema().tables()) {
            value.addObject()
                    .put("name", t.entitySetName())
                    .put("kind", "EntitySet")
                    .put("url", t.entitySetName());
        }
        return ApiResponse.json(200, root);
    }
}
