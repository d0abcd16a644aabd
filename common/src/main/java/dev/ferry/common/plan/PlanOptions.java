package dev.ferry.common.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a run pages, batches and spreads its work. A field left out of the plan takes its
 * default; the bounds are checked by {@link PlanValidator}, not here, so that every problem of a
 * plan is reported at once.
 *
 * @param pageSize       records per source page ({@code Prefer: odata.maxpagesize})
 * @param batchSize      records per target write (UpsertMultiple or {@code $batch})
 * @param maxConcurrency target write requests in flight at most
 */
public record PlanOptions(int pageSize, int batchSize, int maxConcurrency) {

    /** Dataverse never returns more than 5,000 records per page, whatever a client prefers. */
    public static final int DEFAULT_PAGE_SIZE = 5000;
    public static final int MIN_PAGE_SIZE = 1;
    public static final int MAX_PAGE_SIZE = 5000;

    /** Big enough to amortise a request, small enough that splitting a rejected batch stays cheap. */
    public static final int DEFAULT_BATCH_SIZE = 500;
    public static final int MIN_BATCH_SIZE = 1;
    /** Dataverse refuses a {@code $batch} of more than 1,000 requests. */
    public static final int MAX_BATCH_SIZE = 1000;

    /** Below Dataverse's service-protection limit of 52 concurrent requests per user, with room for other clients. */
    public static final int DEFAULT_MAX_CONCURRENCY = 16;
    public static final int MIN_MAX_CONCURRENCY = 1;
    /** A sanity bound: more requests in flight than this only earn 429s from any real service. */
    public static final int MAX_MAX_CONCURRENCY = 256;

    /** The options of a plan that gives none. */
    public static PlanOptions defaults() {
        return new PlanOptions(DEFAULT_PAGE_SIZE, DEFAULT_BATCH_SIZE, DEFAULT_MAX_CONCURRENCY);
    }

    /** The options as JSON gives them: a missing or {@code null} field takes its default. */
    @JsonCreator
    public static PlanOptions of(@JsonProperty("pageSize") Integer pageSize,
                                 @JsonProperty("batchSize") Integer batchSize,
                                 @JsonProperty("maxConcurrency") Integer maxConcurrency) {
        return new PlanOptions(pageSize == null ? DEFAULT_PAGE_SIZE : pageSize,
                batchSize == null ? DEFAULT_BATCH_SIZE : batchSize,
                maxConcurrency == null ? DEFAULT_MAX_CONCURRENCY : maxConcurrency);
    }
}
