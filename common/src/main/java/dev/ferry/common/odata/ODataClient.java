package dev.ferry.common.odata;

import dev.ferry.common.metadata.ServiceMetadata;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes one OData v4 service (one configured environment). Every call retries
 * retriable failures (429 honouring Retry-After, 5xx, I/O) with backoff, bounded by count and
 * deadline, and then throws {@link ODataException}; fatal failures (other 4xx) throw at once.
 * Implementations are thread-safe.
 */
public interface ODataClient {

    /** The environment's name, as in {@code ferry.environments.<name>}. */
    String environment();

    /** The service root URL, ending in {@code /}. */
    String serviceRoot();

    /** The service's {@code $metadata}, read once and cached. */
    ServiceMetadata metadata();

    /**
     * Per-attribute write rules of a Dataverse table (EntityDefinitions … Attributes), by
     * attribute logical name; empty when the service publishes no such metadata (plain OData).
     */
    Map<String, AttributeInfo> attributes(String entityLogicalName);

    /** The first page of a query: {@code GET <set>?$select=..&$filter=..} with {@code Prefer: odata.maxpagesize}. */
    Page firstPage(PageQuery query);

    /** The page behind an {@code @odata.nextLink}, absolute or relative to the service root. */
    Page nextPage(String nextLink, PageQuery query);

    /**
     * Writes the items in one request with the best method the service offers
     * ({@link WriteMethod#UPSERT_MULTIPLE} on Dataverse, else {@link WriteMethod#BATCH}, else
     * {@link WriteMethod#SINGLE}) and tells each item's outcome. With UpsertMultiple a failure
     * fails every item (all-or-nothing), so the caller splits the batch to find the bad records.
     */
    BatchOutcome upsert(String entitySet, List<UpsertItem> items);

    /** Writes the items with one given method (for fallbacks and tests). */
    BatchOutcome upsert(String entitySet, List<UpsertItem> items, WriteMethod method);

    /**
     * Updates existing rows only, in one request with the best method the service offers
     * ({@link WriteMethod#UPDATE_MULTIPLE} on Dataverse, else {@link WriteMethod#BATCH} of PATCHes with
     * {@code If-Match: *}, else {@link WriteMethod#SINGLE} such PATCHes), with the same retries and
     * fallbacks as {@link #upsert(String, List)}. A row that is not in the target is never created: it
     * is refused with 404 — with UpdateMultiple the whole request fails (all-or-nothing, {@code atomic}),
     * with {@code $batch} or single PATCHes only that item fails.
     */
    BatchOutcome update(String entitySet, List<UpsertItem> items);

    /**
     * Updates existing rows with one given method ({@link WriteMethod#UPDATE_MULTIPLE}, {@link WriteMethod#BATCH}
     * or {@link WriteMethod#SINGLE}; for fallbacks and tests).
     */
    BatchOutcome update(String entitySet, List<UpsertItem> items, WriteMethod method);
    /**
     * The many-to-many relationships of a Dataverse table ({@code EntityDefinitions(LogicalName=...)/ManyToManyRelationships}),
     * empty for a service that has no such metadata (a plain OData service). Cached like {@link #attributes}.
     */
    List<ManyToManyRelationship> manyToManyRelationships(String entityLogicalName);

    /**
     * Writes many-to-many associations with {@code $ref}, batched in one {@code $batch} that goes on
     * after an error. An association that already exists (Dataverse: 412 "Cannot insert duplicate
     * key", or 204) counts as written, so writing a batch again is harmless. Failures name the
     * item's {@link AssociationItem#recordId()}.
     *
     * @param entitySet          the entity set of the rows that own the navigation, e.g. {@code accounts}
     * @param navigationProperty the collection navigation, e.g. {@code accountleads_association}
     * @param relatedEntitySet   the entity set of the related rows, e.g. {@code leads}
     */
    BatchOutcome associate(String entitySet, String navigationProperty, String relatedEntitySet, List<AssociationItem> items);

    /**
     * Which of {@code ids} exist in {@code entitySet}: one or more reads filtered on the primary id
     * ({@code accountid eq ... or ...}), as many ids per request as fit a URL of a safe length.
     */
    Set<String> existingIds(String entitySet, Collection<String> ids);
}
