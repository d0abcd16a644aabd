package dev.ferry.common.odata;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.common.metadata.CsdlMetadataReader;
import dev.ferry.common.metadata.EntitySetInfo;
import dev.ferry.common.metadata.MetadataReadException;
import dev.ferry.common.metadata.PropertyInfo;
import dev.ferry.common.metadata.ServiceKind;
import dev.ferry.common.metadata.ServiceMetadata;
import dev.ferry.common.odata.BatchOutcome.ItemFailure;
import dev.ferry.common.odata.ODataMetrics.Operation;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The {@link ODataClient} of one environment on the Quarkus REST Client. Every exchange goes through
 * one SmallRye Fault Tolerance {@link Guard} that retries retriable failures; the rest of this class
 * builds requests and reads answers.
 *
 * <p>Writes: {@link #upsert(String, List)} uses UpsertMultiple on Dataverse, else {@code $batch},
 * else single PATCHes. A service that answers UpsertMultiple with 501 (or a 404 about the
 * operation) does not offer it: that entity set falls back to {@code $batch} for the client's
 * life, and likewise {@code $batch} to single requests for the environment.
 *
 * <p>{@link #update(String, List)} takes the same paths with UpdateMultiple instead of UpsertMultiple
 * and {@code If-Match: *} on every PATCH, so that a missing row is refused (404) rather than created.
 *
 * <p>Retriable failures inside a {@code $batch} (a part answered 429 or 5xx): the parts that were
 * written or refused for good are kept, and only the items that failed retriably are sent again in a
 * new {@code $batch}, under the same retry bounds as any request. If they still fail when the bounds
 * are reached, the call throws the last retriable error (nothing is reported per item then: the
 * caller retries the whole batch later, which upserts make harmless).
 */
final class RestODataClient implements ODataClient {

    private static final Logger LOG = Logger.getLogger(RestODataClient.class);

    private static final String JSON = "application/json";
    private static final String JSON_UTF8 = "application/json; charset=utf-8";
    private static final String UPSERT_MULTIPLE_ACTION = "Microsoft.Dynamics.CRM.UpsertMultiple";
    private static final String UPDATE_MULTIPLE_ACTION = "Microsoft.Dynamics.CRM.UpdateMultiple";
    /** The precondition that makes a PATCH update only: the service answers 404 instead of creating the row. */
    private static final String IF_MATCH_ANY = "*";
    private static final String DATAVERSE_TYPE_PREFIX = "Microsoft.Dynamics.CRM.";
    private static final String CONTINUE_ON_ERROR = "odata.continue-on-error";
    /** Dataverse refuses a {@code $batch} of more than 1,000 requests; UpsertMultiple is advised at most that too. */
    static final int MAX_ITEMS_PER_REQUEST = 1000;
    private static final int NOT_FOUND = 404;
    private static final int BAD_REQUEST = 400;
    private static final int NOT_IMPLEMENTED = 501;
    private static final int METHOD_NOT_ALLOWED = 405;
    /** Dataverse's "entity does not exist" code: a 404 about the data (a bind), not about the operation. */
    private static final String RECORD_NOT_FOUND_CODE = "0x80040217";
    private static final int PRECONDITION_FAILED = 412;
    /** Dataverse's "Cannot insert duplicate key": what associating two rows a second time answers. */
    private static final String DUPLICATE_KEY_CODE = "0x80040237";
    /** Ids per existence query: about 60 URL characters each keeps the URL far below Dataverse's 32 KB limit. */
    static final int MAX_IDS_PER_EXISTENCE_QUERY = 100;

    private final EnvironmentSettings settings;
    private final ODataApi api;
    private final Guard guard;
    private final ODataMetrics metrics;
    private final ObjectMapper mapper;
    private final ODataUrls urls;
    private final ODataErrors errors;
    private final PageParser pages;
    private final Duration cacheTtl;

    private final Object metadataLock = new Object();
    private volatile Cached<ServiceMetadata> metadata;
    private final Map<String, Cached<Map<String, AttributeInfo>>> attributes = new ConcurrentHashMap<>();
    private final Map<String, Cached<List<ManyToManyRelationship>>> manyToMany = new ConcurrentHashMap<>();
    /** "{@link WriteKind} entity set" pairs whose bulk action (UpsertMultiple, UpdateMultiple) the service lacks. */
    private final Set<String> bulkActionUnavailable = ConcurrentHashMap.newKeySet();
    private volatile boolean batchUnavailable;

    RestODataClient(EnvironmentSettings settings, ODataApi api, Guard guard, ODataMetrics metrics, ObjectMapper mapper,
            Duration cacheTtl) {
        this.settings = settings;
        this.api = api;
        this.guard = guard;
        this.metrics = metrics;
        this.mapper = mapper;
        this.urls = new ODataUrls(settings.serviceRoot());
        this.errors = new ODataErrors(mapper);
        this.pages = new PageParser(mapper);
        this.cacheTtl = cacheTtl;
    }

    @Override
    public String environment() {
        return settings.name();
    }

    @Override
    public String serviceRoot() {
        return urls.root();
    }

    @Override
    public String toString() {
        return "ODataClient[" + settings.name() + " " + urls.root() + "]";
    }

    // ---------------------------------------------------------------- metadata

    @Override
    public ServiceMetadata metadata() {
        Cached<ServiceMetadata> cached = metadata;
        if (cached != null && cached.fresh()) {
            return cached.value();
        }
        synchronized (metadataLock) {
            cached = metadata;
            if (cached != null && cached.fresh()) {
                return cached.value();
            }
            String context = "GET $metadata on environment '" + settings.name() + "'";
            Answer answer = retrying(() -> expectSuccess(context,
                    exchange(Operation.METADATA, context, () -> api.get(urls.resource("$metadata"), "application/xml", null))));
            ServiceMetadata read;
            try {
                read = new CsdlMetadataReader().read(new ByteArrayInputStream(answer.body()));
            } catch (MetadataReadException e) {
                throw new ODataException(context + ": the $metadata document cannot be read: " + e.getMessage(),
                        answer.status(), null, false, null, e);
            }
            metadata = new Cached<>(read, cacheTtl);
            return read;
        }
    }

    @Override
    public Map<String, AttributeInfo> attributes(String entityLogicalName) {
        if (metadata().kind() != ServiceKind.DATAVERSE) {
            return Map.of();
        }
        Cached<Map<String, AttributeInfo>> cached = attributes.get(entityLogicalName);
        if (cached != null && cached.fresh()) {
            return cached.value();
        }
        String path = "EntityDefinitions(LogicalName=" + ODataUrls.encodeKey(KeyLiterals.of(entityLogicalName, "Edm.String"))
                + ")/Attributes?$select=LogicalName,AttributeType,IsValidForCreate,IsValidForUpdate,RequiredLevel";
        String context = "GET EntityDefinitions(LogicalName='" + entityLogicalName + "')/Attributes on environment '"
                + settings.name() + "'";
        Page page = retrying(() -> readPage(Operation.METADATA, context, urls.resource(path), null));
        Map<String, AttributeInfo> byName = new LinkedHashMap<>();
        for (ObjectNode attribute : page.records()) {
            String logicalName = attribute.path("LogicalName").asText();
            JsonNode required = attribute.path("RequiredLevel");
            String requiredLevel = required.isObject() ? required.path("Value").asText("None") : required.asText("None");
            byName.put(logicalName, new AttributeInfo(logicalName, attribute.path("AttributeType").asText(null),
                    attribute.path("IsValidForCreate").asBoolean(false), attribute.path("IsValidForUpdate").asBoolean(false),
                    requiredLevel));
        }
        Map<String, AttributeInfo> result = java.util.Collections.unmodifiableMap(byName);
        attributes.put(entityLogicalName, new Cached<>(result, cacheTtl));
        return result;
    }

    @Override
    public List<ManyToManyRelationship> manyToManyRelationships(String entityLogicalName) {
        if (metadata().kind() != ServiceKind.DATAVERSE) {
            return List.of();
        }
        Cached<List<ManyToManyRelationship>> cached = manyToMany.get(entityLogicalName);
        if (cached != null && cached.fresh()) {
            return cached.value();
        }
        String path = "EntityDefinitions(LogicalName=" + ODataUrls.encodeKey(KeyLiterals.of(entityLogicalName, "Edm.String"))
                + ")/ManyToManyRelationships?$select=SchemaName,Entity1LogicalName,Entity1IntersectAttribute,"
                + "Entity1NavigationPropertyName,Entity2LogicalName,Entity2IntersectAttribute,"
                + "Entity2NavigationPropertyName,IntersectEntityName";
        String context = "GET EntityDefinitions(LogicalName='" + entityLogicalName
                + "')/ManyToManyRelationships on environment '" + settings.name() + "'";
        Page page = retrying(() -> readPage(Operation.METADATA, context, urls.resource(path), null));
        List<ManyToManyRelationship> relationships = new ArrayList<>();
        for (ObjectNode relationship : page.records()) {
            relationships.add(new ManyToManyRelationship(relationship.path("SchemaName").asText(),
                    relationship.path("Entity1LogicalName").asText(), relationship.path("Entity1IntersectAttribute").asText(),
                    relationship.path("Entity1NavigationPropertyName").asText(),
                    relationship.path("Entity2LogicalName").asText(), relationship.path("Entity2IntersectAttribute").asText(),
                    relationship.path("Entity2NavigationPropertyName").asText(),
                    relationship.path("IntersectEntityName").asText()));
        }
        List<ManyToManyRelationship> result = List.copyOf(relationships);
        manyToMany.put(entityLogicalName, new Cached<>(result, cacheTtl));
        return result;
    }

    // ---------------------------------------------------------------- reads

    @Override
    public Page firstPage(PageQuery query) {
        String url = urls.query(query);
        String context = "GET " + query.entitySet() + " on environment '" + settings.name() + "'";
        return retrying(() -> readPage(Operation.READ, context, url, prefer(query)));
    }

    @Override
    public Page nextPage(String nextLink, PageQuery query) {
        String url = urls.nextLink(nextLink, settings.name());
        String context = "GET next page of " + query.entitySet() + " on environment '" + settings.name() + "'";
        return retrying(() -> readPage(Operation.READ, context, url, prefer(query)));
    }

    private static String prefer(PageQuery query) {
        String prefer = "odata.maxpagesize=" + query.pageSize();
        return query.annotations() ? prefer + ",odata.include-annotations=\"*\"" : prefer;
    }

    private Page readPage(Operation operation, String context, String url, String prefer) {
        Answer answer = expectSuccess(context, exchange(operation, context, () -> api.get(url, JSON, prefer)));
        try {
            return pages.parse(new ByteArrayInputStream(answer.body()));
        } catch (IOException e) {
            throw new ODataException(context + ": the answer is not an OData collection: " + e.getMessage(),
                    answer.status(), null, false, null, e);
        }
    }

    // ---------------------------------------------------------------- writes

    /** Upsert (create or update) or update only: what differs between the two on the wire. */
    private enum WriteKind {
        UPSERT(UPSERT_MULTIPLE_ACTION, "UpsertMultiple", Operation.UPSERT_MULTIPLE, WriteMethod.UPSERT_MULTIPLE, null),
        UPDATE(UPDATE_MULTIPLE_ACTION, "UpdateMultiple", Operation.UPDATE_MULTIPLE, WriteMethod.UPDATE_MULTIPLE,
                IF_MATCH_ANY);

        final String action;
        final String actionName;
        final Operation operation;
        final WriteMethod method;
        /** The If-Match header of each PATCH, or null for none. */
        final String ifMatch;

        WriteKind(String action, String actionName, Operation operation, WriteMethod method, String ifMatch) {
            this.action = action;
            this.actionName = actionName;
            this.operation = operation;
            this.method = method;
            this.ifMatch = ifMatch;
        }
    }

    @Override
    public BatchOutcome upsert(String entitySet, List<UpsertItem> items) {
        return write(WriteKind.UPSERT, entitySet, items);
    }

    @Override
    public BatchOutcome upsert(String entitySet, List<UpsertItem> items, WriteMethod method) {
        return write(WriteKind.UPSERT, entitySet, items, method);
    }

    @Override
    public BatchOutcome update(String entitySet, List<UpsertItem> items) {
        return write(WriteKind.UPDATE, entitySet, items);
    }

    @Override
    public BatchOutcome update(String entitySet, List<UpsertItem> items, WriteMethod method) {
        return write(WriteKind.UPDATE, entitySet, items, method);
    }

    @Override
    public BatchOutcome associate(String entitySet, String navigationProperty, String relatedEntitySet,
            List<AssociationItem> items) {
        String fromKeyType = keyType(entitySet);
        String toKeyType = keyType(relatedEntitySet);
        List<ItemFailure> failures = new ArrayList<>();
        for (int from = 0; from < items.size(); from += MAX_ITEMS_PER_REQUEST) {
            List<AssociationItem> chunk = items.subList(from, Math.min(items.size(), from + MAX_ITEMS_PER_REQUEST));
            List<BatchPart> parts = new ArrayList<>(chunk.size());
            for (AssociationItem item : chunk) {
                String url = urls.entity(entitySet, KeyLiterals.of(item.fromId(), fromKeyType)) + "/"
                        + ODataUrls.encodePathSegment(navigationProperty) + "/$ref";
                ObjectNode body = mapper.createObjectNode()
                        .put("@odata.id", urls.entity(relatedEntitySet, KeyLiterals.of(item.toId(), toKeyType)));
                parts.add(new BatchPart(item.recordId(), "POST", url, json(body), null, "POST " + entitySet + "("
                        + item.fromId() + ")/" + navigationProperty + "/$ref to " + relatedEntitySet + "(" + item.toId() + ")"));
            }
            BatchAttempt attempt = new BatchAttempt("POST " + entitySet + "/" + navigationProperty + "/$ref", parts,
                    RestODataClient::associationExists);
            try {
                retrying(attempt::send);
            } catch (ODataException e) {
                if (e.retriable()) {
                    throw e;
                }
                // The $batch as a whole was refused: nothing of this chunk was written.
                return new BatchOutcome(WriteMethod.BATCH, List.of(new ItemFailure(null, e)), true);
            }
            failures.addAll(attempt.failures());
        }
        return new BatchOutcome(WriteMethod.BATCH, failures, false);
    }

    /** Dataverse refuses an association that exists already with 412 "Cannot insert duplicate key". */
    private static boolean associationExists(ODataException e) {
        return e.status().orElse(0) == PRECONDITION_FAILED
                && DUPLICATE_KEY_CODE.equalsIgnoreCase(e.code().orElse(""));
    }

    @Override
    public Set<String> existingIds(String entitySet, Collection<String> ids) {
        EntitySetInfo set = entitySetInfo(entitySet);
        String idProperty = primaryIdProperty(set);
        String keyType = keyType(entitySet);
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
        Set<String> found = new HashSet<>();
        for (int from = 0; from < distinct.size(); from += MAX_IDS_PER_EXISTENCE_QUERY) {
            List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + MAX_IDS_PER_EXISTENCE_QUERY));
            String filter = chunk.stream().map(id -> idProperty + " eq " + KeyLiterals.of(id, keyType))
                    .collect(Collectors.joining(" or "));
            PageQuery query = new PageQuery(entitySet, List.of(idProperty), filter, MAX_IDS_PER_EXISTENCE_QUERY, false);
            Page page = firstPage(query);
            while (true) {
                for (ObjectNode record : page.records()) {
                    JsonNode id = record.get(idProperty);
                    if (id != null && !id.isNull()) {
                        found.add(id.asText());
                    }
                }
                if (page.isLast()) {
                    break;
                }
                page = nextPage(page.nextLink(), query);
            }
        }
        // Guids may come back in another letter case than asked.
        Set<String> answer = new HashSet<>();
        for (String id : distinct) {
            if (found.contains(id) || found.contains(id.toLowerCase(Locale.ROOT))) {
                answer.add(id);
            }
        }
        return answer;
    }

    private BatchOutcome write(WriteKind kind, String entitySet, List<UpsertItem> items) {
        if (metadata().kind() == ServiceKind.DATAVERSE && !bulkActionUnavailable.contains(kind + " " + entitySet)) {
            Optional<BatchOutcome> outcome = bulkAction(kind, entitySet, items, true);
            if (outcome.isPresent()) {
                return outcome.get();
            }
        }
        if (!batchUnavailable) {
            Optional<BatchOutcome> outcome = batch(kind, entitySet, items, true);
            if (outcome.isPresent()) {
                return outcome.get();
            }
        }
        return single(kind, entitySet, items);
    }

    private BatchOutcome write(WriteKind kind, String entitySet, List<UpsertItem> items, WriteMethod method) {
        return switch (method) {
            case UPSERT_MULTIPLE, UPDATE_MULTIPLE -> {
                if (method != kind.method) {
                    throw new IllegalArgumentException(method + " cannot " + kind.name().toLowerCase(Locale.ROOT)
                            + " records of " + entitySet + "; use " + kind.method);
                }
                yield bulkAction(kind, entitySet, items, false).orElseThrow();
            }
            case BATCH -> batch(kind, entitySet, items, false).orElseThrow();
            case SINGLE -> single(kind, entitySet, items);
        };
    }

    /**
     * One UpsertMultiple or UpdateMultiple request; empty when {@code mayFallBack} and the service does
     * not offer it.
     */
    private Optional<BatchOutcome> bulkAction(WriteKind kind, String entitySet, List<UpsertItem> items,
            boolean mayFallBack) {
        if (items.isEmpty()) {
            return Optional.of(new BatchOutcome(kind.method, List.of(), true));
        }
        if (items.size() > MAX_ITEMS_PER_REQUEST) {
            throw new IllegalArgumentException(kind.actionName + " is all-or-nothing and takes at most "
                    + MAX_ITEMS_PER_REQUEST + " records; got " + items.size() + " for " + entitySet);
        }
        EntitySetInfo set = entitySetInfo(entitySet);
        String type = set.entityType().qualifiedName();
        String idProperty = primaryIdProperty(set);
        byte[] body = bulkActionBody(kind, type, idProperty, items);
        String url = urls.resource(ODataUrls.encodePathSegment(entitySet) + "/" + kind.action);
        String context = "POST " + entitySet + "/" + kind.action + " (" + items.size()
                + " records) on environment '" + settings.name() + "'";
        try {
            retrying(() -> expectSuccess(context,
                    exchange(kind.operation, context, () -> api.post(url, JSON_UTF8, JSON, null, body))));
            return Optional.of(new BatchOutcome(kind.method, List.of(), true));
        } catch (ODataException e) {
            if (e.retriable()) {
                throw e;
            }
            if (mayFallBack && operationNotOffered(e)) {
                bulkActionUnavailable.add(kind + " " + entitySet);
                LOG.infof("Environment '%s' does not offer %s for %s (%s); writing it with $batch from now on",
                        settings.name(), kind.actionName, entitySet, e.getMessage());
                return Optional.empty();
            }
            return Optional.of(new BatchOutcome(kind.method, List.of(new ItemFailure(null, e)), true));
        }
    }

    private byte[] bulkActionBody(WriteKind kind, String qualifiedType, String idProperty, List<UpsertItem> items) {
        String odataType = qualifiedType.startsWith(DATAVERSE_TYPE_PREFIX) ? qualifiedType
                : DATAVERSE_TYPE_PREFIX + qualifiedType.substring(qualifiedType.lastIndexOf('.') + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(items.size() * 512);
        try (JsonGenerator json = mapper.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("Targets");
            for (UpsertItem item : items) {
                json.writeStartObject();
                json.writeStringField("@odata.type", odataType);
                json.writeStringField(idProperty, item.recordId());
                Iterator<Map.Entry<String, JsonNode>> fields = item.body().fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    if (!field.getKey().equals("@odata.type") && !field.getKey().equals(idProperty)) {
                        json.writeFieldName(field.getKey());
                        mapper.writeTree(json, field.getValue());
                    }
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write an " + kind.actionName + " body", e);
        }
        return out.toByteArray();
    }

    /**
     * {@code $batch}es of PATCH upserts (or updates), continue-on-error, at most {@value #MAX_ITEMS_PER_REQUEST}
     * each; empty when {@code mayFallBack} and the service does not offer {@code $batch}.
     */
    private Optional<BatchOutcome> batch(WriteKind kind, String entitySet, List<UpsertItem> items,
            boolean mayFallBack) {
        String keyType = keyType(entitySet);
        List<ItemFailure> failures = new ArrayList<>();
        for (int from = 0; from < items.size(); from += MAX_ITEMS_PER_REQUEST) {
            List<UpsertItem> chunk = items.subList(from, Math.min(items.size(), from + MAX_ITEMS_PER_REQUEST));
            List<BatchPart> parts = new ArrayList<>(chunk.size());
            for (UpsertItem item : chunk) {
                parts.add(new BatchPart(item.recordId(), "PATCH",
                        urls.entity(entitySet, KeyLiterals.of(item.recordId(), keyType)), json(item.body()), kind.ifMatch,
                        "PATCH " + entitySet + "(" + item.recordId() + ")"));
            }
            BatchAttempt attempt = new BatchAttempt("PATCH " + entitySet, parts, error -> false);
            try {
                retrying(attempt::send);
            } catch (ODataException e) {
                if (e.retriable()) {
                    throw e;
                }
                if (mayFallBack && from == 0 && operationNotOffered(e)) {
                    batchUnavailable = true;
                    LOG.infof("Environment '%s' does not offer $batch (%s); writing one request per record from now on",
                            settings.name(), e.getMessage());
                    return Optional.empty();
                }
                // The $batch as a whole was refused: nothing of this chunk was written.
                return Optional.of(new BatchOutcome(WriteMethod.BATCH, List.of(new ItemFailure(null, e)), true));
            }
            failures.addAll(attempt.failures());
        }
        return Optional.of(new BatchOutcome(WriteMethod.BATCH, failures, false));
    }

    /** One request of a {@code $batch}, named by the record it writes. */
    private record BatchPart(String recordId, String method, String url, byte[] body, String ifMatch, String label) {
    }

    /**
     * One chunk's {@code $batch}, sent again (under the guard) with only the parts that failed
     * retriably; remembers the parts refused for good. A refusal that {@code countsAsWritten}
     * accepts (an association that exists already) is a success.
     */
    private final class BatchAttempt {
        private final String description;
        private final Predicate<ODataException> countsAsWritten;
        private List<BatchPart> pending;
        private final Map<String, ItemFailure> refused = new LinkedHashMap<>();
        private final List<BatchPart> order;

        BatchAttempt(String description, List<BatchPart> parts, Predicate<ODataException> countsAsWritten) {
            this.description = description;
            this.countsAsWritten = countsAsWritten;
            this.pending = List.copyOf(parts);
            this.order = parts;
        }

        Boolean send() {
            List<BatchCodec.PartRequest> parts = new ArrayList<>(pending.size());
            for (BatchPart part : pending) {
                parts.add(new BatchCodec.PartRequest(part.method(), part.url(), part.body(), part.ifMatch()));
            }
            BatchCodec.Encoded encoded = BatchCodec.encode(parts);
            String context = "POST $batch of " + pending.size() + " " + description + " on environment '"
                    + settings.name() + "'";
            Answer answer = expectSuccess(context, exchange(Operation.BATCH, context,
                    () -> api.post(urls.resource("$batch"), encoded.contentType(), "multipart/mixed", CONTINUE_ON_ERROR,
                            encoded.body())));
            List<BatchCodec.PartAnswer> answers;
            try {
                answers = BatchCodec.decode(answer.contentType(), answer.body());
            } catch (IllegalArgumentException e) {
                throw new ODataException(context + ": " + e.getMessage(), answer.status(), null, false, null, e);
            }
            List<BatchPart> retry = new ArrayList<>();
            ODataException lastRetriable = null;
            for (int i = 0; i < pending.size(); i++) {
                BatchPart part = pending.get(i);
                String itemContext = part.label() + " on environment '" + settings.name() + "' in a $batch";
                if (i >= answers.size()) {
                    lastRetriable = new ODataException(itemContext + ": the $batch answer has no part for it ("
                            + answers.size() + " parts for " + pending.size() + " requests)", null, null, true, null, null);
                    retry.add(part);
                    continue;
                }
                BatchCodec.PartAnswer partAnswer = answers.get(i);
                if (partAnswer.status() >= 200 && partAnswer.status() < 300) {
                    continue;
                }
                ODataException error = errors.fromAnswer(itemContext, partAnswer.status(), partAnswer.retryAfter(),
                        partAnswer.body());
                if (error.retriable()) {
                    if (partAnswer.status() == 429) {
                        metrics.throttledPart();
                    }
                    lastRetriable = latestRetryAfter(lastRetriable, error);
                    retry.add(part);
                } else if (!countsAsWritten.test(error)) {
                    refused.put(part.recordId(), new ItemFailure(part.recordId(), error));
                }
            }
            pending = retry;
            if (!retry.isEmpty()) {
                throw new ODataException(retry.size() + " of the $batch's requests failed and may succeed later; last: "
                        + lastRetriable.getMessage(), lastRetriable.status().orElse(null),
                        lastRetriable.code().orElse(null), true, lastRetriable.retryAfter().orElse(null), lastRetriable);
            }
            return Boolean.TRUE;
        }

        /** The refused parts in the order they were given. */
        List<ItemFailure> failures() {
            List<ItemFailure> inOrder = new ArrayList<>(refused.size());
            for (BatchPart part : order) {
                ItemFailure failure = refused.get(part.recordId());
                if (failure != null) {
                    inOrder.add(failure);
                }
            }
            return inOrder;
        }
    }

    /** The error of the two whose Retry-After is longer (so a retry waits for the slowest throttle). */
    private static ODataException latestRetryAfter(ODataException current, ODataException candidate) {
        if (current == null) {
            return candidate;
        }
        Duration a = current.retryAfter().orElse(Duration.ZERO);
        Duration b = candidate.retryAfter().orElse(Duration.ZERO);
        return b.compareTo(a) >= 0 ? candidate : current;
    }

    /** One PATCH per item, each retried on its own. */
    private BatchOutcome single(WriteKind kind, String entitySet, List<UpsertItem> items) {
        String keyType = keyType(entitySet);
        List<ItemFailure> failures = new ArrayList<>();
        for (UpsertItem item : items) {
            String url = urls.entity(entitySet, KeyLiterals.of(item.recordId(), keyType));
            String context = "PATCH " + entitySet + "(" + item.recordId() + ") on environment '" + settings.name() + "'";
            byte[] body = json(item.body());
            try {
                retrying(() -> expectSuccess(context,
                        exchange(Operation.SINGLE, context, () -> api.patch(url, JSON_UTF8, JSON, null, kind.ifMatch, body))));
            } catch (ODataException e) {
                if (e.retriable()) {
                    throw e;
                }
                failures.add(new ItemFailure(item.recordId(), e));
            }
        }
        return new BatchOutcome(WriteMethod.SINGLE, failures, false);
    }

    /**
     * Whether a fatal answer says the service has no such operation (rather than refusing the data):
     * 501, 405, or a 404/400 that names the operation or an unknown segment.
     */
    /** What OData services answer for an unknown segment or operation (Dataverse, ODataLib, Web API). */
    private static final List<String> OPERATION_MISSING_PHRASES = List.of(
            "Resource not found for the segment", "No HTTP resource was found", "is not a valid operation",
            "does not implement");

    private static boolean operationNotOffered(ODataException e) {
        int status = e.status().orElse(0);
        if (status == NOT_IMPLEMENTED || status == METHOD_NOT_ALLOWED) {
            return true;
        }
        if (status != NOT_FOUND && status != BAD_REQUEST) {
            return false;
        }
        if (RECORD_NOT_FOUND_CODE.equalsIgnoreCase(e.code().orElse(""))) {
            return false;
        }
        // Only the service's own words count: our message context always names the operation, so
        // a validation error of one record must not pass for "operation not offered".
        String message = String.valueOf(e.getMessage());
        return OPERATION_MISSING_PHRASES.stream().anyMatch(message::contains);
    }

    private EntitySetInfo entitySetInfo(String entitySet) {
        return metadata().entitySet(entitySet).orElseThrow(() -> new ODataException("Entity set '" + entitySet
                + "' is not in the $metadata of environment '" + settings.name() + "'", null, null, false, null, null));
    }

    /** The property UpsertMultiple names the record id with (see {@link EntitySetInfo#recordIdProperties()}). */
    private static String primaryIdProperty(EntitySetInfo set) {
        List<String> ids = set.recordIdProperties();
        if (ids.size() != 1) {
            throw new ODataException("Entity set '" + set.name() + "' has a key of " + ids.size()
                    + " properties; Ferry writes only single-property keys", null, null, false, null, null);
        }
        return ids.get(0);
    }

    /** The Edm type of the entity set's single key property, or null when the metadata does not say. */
    private String keyType(String entitySet) {
        Optional<EntitySetInfo> set = metadata().entitySet(entitySet);
        if (set.isEmpty() || set.get().keyPropertyNames().size() != 1) {
            return null;
        }
        return set.get().property(set.get().keyPropertyNames().get(0)).map(PropertyInfo::type).orElse(null);
    }

    private byte[] json(ObjectNode body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a record as JSON", e);
        }
    }

    // ---------------------------------------------------------------- exchanges

    /** An answer read whole: status, the headers the client needs, body. */
    record Answer(int status, String contentType, String retryAfter, byte[] body) {
    }

    /** Runs a call under the retry guard; the last {@link ODataException} comes out when retries run out. */
    @SuppressWarnings("unchecked")
    private <T> T retrying(Supplier<T> call) {
        return (T) guard.get((Supplier<Object>) call, Object.class);
    }

    /** Sends one request, records it in the metrics, reads its answer; no answer at all throws (retriable). */
    private Answer exchange(Operation operation, String context, Supplier<Response> request) {
        long start = System.nanoTime();
        Response response;
        try {
            response = request.get();
        } catch (ProcessingException e) {
            metrics.record(operation, null, Duration.ofNanos(System.nanoTime() - start));
            throw ODataErrors.io(context, e);
        }
        try (response) {
            byte[] body = response.hasEntity() ? response.readEntity(byte[].class) : new byte[0];
            metrics.record(operation, response.getStatus(), Duration.ofNanos(System.nanoTime() - start));
            return new Answer(response.getStatus(), response.getHeaderString("Content-Type"),
                    response.getHeaderString("Retry-After"), body == null ? new byte[0] : body);
        } catch (ProcessingException e) {
            metrics.record(operation, null, Duration.ofNanos(System.nanoTime() - start));
            throw ODataErrors.io(context, e);
        }
    }

    private Answer expectSuccess(String context, Answer answer) {
        if (answer.status() >= 200 && answer.status() < 300) {
            return answer;
        }
        ODataException error = errors.fromAnswer(context, answer.status(), answer.retryAfter(), answer.body());
        if (error.retriable()) {
            LOG.debugf("Retriable failure: %s", error.getMessage());
        }
        throw error;
    }

    /** A value read at some time, reused until its time to live runs out. */
    private record Cached<T>(T value, long expiresAtNanos) {
        Cached(T value, Duration ttl) {
            this(value, System.nanoTime() + ttl.toNanos());
        }

        boolean fresh() {
            return System.nanoTime() - expiresAtNanos < 0;
        }
    }
}
