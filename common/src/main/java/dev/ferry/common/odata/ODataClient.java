package dev.ferry.common.odata;

import dev.ferry.common.metadata.ServiceMetadata;
import java.util.List;
import java.util.Map;

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
}
