package dev.ferry.emulator.http;

import dev.ferry.emulator.EmulatorContext;
import dev.ferry.emulator.csdl.EntityDefinitionsHandler;
import dev.ferry.emulator.csdl.MetadataHandler;
import dev.ferry.emulator.query.ReadHandler;
import dev.ferry.emulator.schema.Table;
import dev.ferry.emulator.store.Transaction;
import dev.ferry.emulator.write.BatchHandler;
import dev.ferry.emulator.write.WriteHandler;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Routes a Web API request below the service root to the handler that owns it, and turns
 * failures into Dataverse's error responses. Used by the HTTP server and, for each operation,
 * by {@code $batch}.
 */
public final class WebApi {
    private static final Logger LOG = Logger.getLogger(WebApi.class.getName());
    private static final Set<String> METADATA_SETS =
            Set.of("EntityDefinitions", "RelationshipDefinitions", "GlobalOptionSetDefinitions");

    private final EmulatorContext context;
    private final MetadataHandler metadata;
    private final EntityDefinitionsHandler entityDefinitions;
    private final ReadHandler reads;
    private final WriteHandler writes;
    private final BatchHandler batch;

    public WebApi(EmulatorContext context) {
        this.context = context;
        this.metadata = new MetadataHandler(context);
        this.entityDefinitions = new EntityDefinitionsHandler(context);
        this.reads = new ReadHandler(context);
        this.writes = new WriteHandler(context);
        this.batch = new BatchHandler(context, this);
    }

    public EmulatorContext context() {
        return context;
    }

    /** Answers one request; never throws. */
    public ApiResponse handle(ApiRequest request) {
        try {
            return route(request, null);
        } catch (DataverseException e) {
            return ApiResponse.error(e);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "emulator failed on " + request.method() + " " + request.path(), e);
            return ApiResponse.error(new DataverseException(500, "0x80040216",
                    "The emulator failed on this request: " + e));
        }
    }

    /**
     * Answers one operation of a {@code $batch} change set inside the change set's transaction.
     * Throws {@link DataverseException} so that the batch can roll the whole change set back.
     */
    public ApiResponse handleInChangeSet(ApiRequest request, Transaction tx) {
        return route(request, tx);
    }

    private ApiResponse route(ApiRequest request, Transaction tx) {
        ResourcePath path = ResourcePath.parse(request.path());
        String method = request.method();
        if (path.isEmpty()) {
            requireMethod(method, "GET", path);
            return metadata.serviceDocument(request);
        }
        String first = path.get(0).name();
        if (first.equals("$metadata")) {
            requireMethod(method, "GET", path);
            return metadata.handle(request);
        }
        if (first.equals("$batch")) {
            requireMethod(method, "POST", path);
            if (tx != null) {
                throw new DataverseException(400, ErrorCodes.BAD_REQUEST, "A $batch cannot be nested in a change set.");
            }
            return batch.handle(request);
        }
        if (METADATA_SETS.contains(first)) {
            requireMethod(method, "GET", path);
            return entityDefinitions.handle(request, path);
        }
        Table table = context.schema().tableByEntitySet(first).orElseThrow(() -> new DataverseException(404,
                ErrorCodes.BAD_REQUEST, "Resource not found for the segment '" + first + "'."));
        return switch (method) {
            case "GET" -> {
                if (tx != null) {
                    throw new DataverseException(400, ErrorCodes.BAD_REQUEST,
                            "A GET request cannot be part of a change set.");
                }
                yield reads.handle(request, path, table);
            }
            case "POST", "PATCH", "PUT", "DELETE" -> tx != null
                    ? writes.handle(request, path, table, tx)
                    : context.store().inTransaction(t -> writes.handle(request, path, table, t));
            default -> throw new DataverseException(405, ErrorCodes.BAD_REQUEST,
                    "The HTTP method '" + method + "' is not allowed on '" + path.shape() + "'.");
        };
    }

    private static void requireMethod(String method, String allowed, ResourcePath path) {
        if (!method.equals(allowed)) {
            throw new DataverseException(405, ErrorCodes.BAD_REQUEST,
                    "The HTTP method '" + method + "' is not allowed on '" + (path.isEmpty() ? "/" : path.shape())
                            + "'; use " + allowed + ".");
        }
    }

    /** The 501 for a part of the Web API the emulator does not implement, naming it. */
    public static DataverseException notImplemented(String what) {
        return new DataverseException(501, ErrorCodes.NOT_IMPLEMENTED,
                "The Ferry Dataverse emulator does not implement " + what + ".");
    }
}
