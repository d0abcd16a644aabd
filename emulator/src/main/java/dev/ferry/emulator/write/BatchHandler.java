package dev.ferry.emulator.write;

import dev.ferry.emulator.EmulatorContext;
import dev.ferry.emulator.http.ApiRequest;
import dev.ferry.emulator.http.ApiResponse;
import dev.ferry.emulator.http.DataverseException;
import dev.ferry.emulator.http.EmulatorServer;
import dev.ferry.emulator.http.WebApi;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers {@code POST $batch}: multipart/mixed with single requests and atomic change sets.
 *
 * <ul>
 *   <li>Requests run in order; a request outside change sets runs on its own (GET allowed), a change
 *       set runs in one transaction, so one failure rolls all of it back.</li>
 *   <li>Inside a change set, {@code $<Content-ID>} in a later URL or {@code @odata.bind} value stands
 *       for the record an earlier request created.</li>
 *   <li>At most 1,000 requests per batch, change set requests included, as in Dataverse.</li>
 *   <li>The first failure stops the batch, which then answers with that failure's status; with
 *       {@code Prefer: odata.continue-on-error} every request is answered and the batch answers 200.
 *       A failed change set answers with its one failed response.</li>
 * </ul>
 */
public final class BatchHandler {
    /** Dataverse's limit of requests in one batch. */
    public static final int MAX_OPERATIONS = 1000;
    private static final String CONTINUE_ON_ERROR = "odata.continue-on-error";
    private static final Logger LOG = Logger.getLogger(BatchHandler.class.getName());
    private static final int OK = 200;
    private static final int ERROR = 400;
    private static final int SERVER_ERROR = 500;
    /** The code WebApi answers an unexpected failure with; a change set's failures get the same. */
    private static final String INTERNAL_ERROR_CODE = "0x80040216";
    private static final String BATCH_SEGMENT = "$batch";

    private final EmulatorContext context;
    private final WebApi api;

    public BatchHandler(EmulatorContext context, WebApi api) {
        this.context = context;
        this.api = api;
    }

    public ApiResponse handle(ApiRequest request) {
        String contentType = request.header("Content-Type").orElse(null);
        String boundary = MultipartReader.boundaryOf(contentType);
        if (boundary == null) {
            throw WriteErrors.badRequest("A $batch request needs 'Content-Type: multipart/mixed; boundary=<batch id>';"
                    + " found '" + contentType + "'.");
        }
        List<BatchRequestReader.Item> items = BatchRequestReader.read(request.body(), boundary);
        int operations = items.stream().mapToInt(BatchRequestReader.Item::operationCount).sum();
        if (operations > MAX_OPERATIONS) {
            throw WriteErrors.badRequest("The current batch message contains too many parts. Only batch messages with"
                    + " a maximum number of '" + MAX_OPERATIONS + "' query operations, including changeset operations,"
                    + " are allowed.");
        }
        boolean continueOnError = request.preference(CONTINUE_ON_ERROR).map(v -> !v.equalsIgnoreCase("false"))
                .orElse(false);
        BatchResponseWriter writer = new BatchResponseWriter();
        int status = OK;
        for (BatchRequestReader.Item item : items) {
            int failure = item instanceof BatchRequestReader.ChangeSet cs
                    ? runChangeSet(request, cs, writer)
                    : runSingle(request, ((BatchRequestReader.Single) item).operation(), writer);
            if (failure != 0 && !continueOnError) {
                status = failure;
                break;
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("OData-Version", "4.0");
        headers.put("Content-Type", writer.contentType());
        return new ApiResponse(status, headers, writer.finish());
    }

    /** Runs one request outside change sets; returns its status when it failed, else 0. */
    private int runSingle(ApiRequest batch, BatchRequestReader.Operation operation, BatchResponseWriter writer) {
        ApiResponse response;
        try {
            response = api.handle(toRequest(batch, operation, operation.url(), operation.body()));
        } catch (DataverseException e) {
            response = ApiResponse.error(e);
        }
        writer.single(new BatchResponseWriter.Answer(operation.contentId(), response));
        return response.status() >= ERROR ? response.status() : 0;
    }

    /** Runs a change set atomically; returns the failed request's status, else 0. */
    private int runChangeSet(ApiRequest batch, BatchRequestReader.ChangeSet changeSet, BatchResponseWriter writer) {
        List<BatchResponseWriter.Answer> answers = new ArrayList<>();
        BatchRequestReader.Operation[] current = new BatchRequestReader.Operation[1];
        try {
            context.store().inTransaction(tx -> {
                ContentIdReferences references = new ContentIdReferences();
                for (BatchRequestReader.Operation operation : changeSet.operations()) {
                    current[0] = operation;
                    ApiRequest request = toRequest(batch, operation, references.resolveUrl(operation.url()),
                            references.resolveBody(operation.body()));
                    ApiResponse response = api.handleInChangeSet(request, tx);
                    if (response.status() >= ERROR) {
                        throw new FailedOperation(response);
                    }
                    String entityUrl = response.headers().get(WriteHandler.ENTITY_ID_HEADER);
                    if (operation.contentId() != null && entityUrl != null) {
                        references.declare(operation.contentId(), entityUrl);
                    }
                    answers.add(new BatchResponseWriter.Answer(operation.contentId(), response));
                }
                return null;
            });
        } catch (DataverseException e) {
            return failed(writer, current[0], ApiResponse.error(e));
        } catch (FailedOperation e) {
            return failed(writer, current[0], e.response);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "emulator failed on a change set request", e);
            return failed(writer, current[0], ApiResponse.error(new DataverseException(SERVER_ERROR,
                    INTERNAL_ERROR_CODE, "The emulator failed on this change set request: " + e)));
        }
        writer.changeSet(answers);
        return 0;
    }

    private static int failed(BatchResponseWriter writer, BatchRequestReader.Operation operation,
            ApiResponse response) {
        writer.single(new BatchResponseWriter.Answer(operation == null ? null : operation.contentId(), response));
        return response.status();
    }

    /** A change set request answered with an error instead of throwing: it must still roll the set back. */
    private static final class FailedOperation extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient ApiResponse response;

        FailedOperation(ApiResponse response) {
            super("change set request failed with status " + response.status(), null, false, false);
            this.response = response;
        }
    }

    private static ApiRequest toRequest(ApiRequest batch, BatchRequestReader.Operation operation, String url,
            String body) {
        String below = ServiceUrls.belowRoot(url);
        if (below == null) {
            throw WriteErrors.badRequest("The batch request URL '" + url + "' is not below this service's root "
                    + batch.serviceRoot() + ".");
        }
        int question = below.indexOf('?');
        String rawPath = question < 0 ? below : below.substring(0, question);
        if (rawPath.equals(BATCH_SEGMENT)) {
            throw WriteErrors.badRequest("A batch request cannot contain another batch request.");
        }
        String rawQuery = question < 0 ? null : below.substring(question + 1);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        operation.headers().forEach((k, v) -> headers.put(k, List.of(v)));
        return new ApiRequest(operation.method(), decodePath(rawPath), EmulatorServer.parseQuery(rawQuery), headers,
                body.getBytes(StandardCharsets.ISO_8859_1), batch.serviceRoot(), batch.caller());
    }

    /** Decodes %-escapes of a path as the HTTP server does; '+' stays literal in paths. */
    private static String decodePath(String rawPath) {
        return URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
