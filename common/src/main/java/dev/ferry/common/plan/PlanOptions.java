package dev.ferry.common.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a run pages, batches and spreads its work. A field left out of the plan takes its
 * default; the bounds are checked by {@link PlanValidator}, not here, so that every problem of a
 * plan is reported at once.
 *
 * @param pageSize       records per source page ({@code Prefer: odata.maxpagesize})
 * @param batchSize      records per target write (UpsertMultiple or {@code $batch})
 * @param maxConcurrency target write requests in flight at most
 * @param schedule       how tables are ordered, a {@link Schedule} by its plan name ({@code dependencies},
 *                       the default, or {@code sequential}); checked by {@link PlanValidator}
 */
public record PlanOptions(int pageSize, int batchSize, int maxConcurrency, String schedule) {

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

    public static final Schedule DEFAULT_SCHEDULE = Schedule.DEPENDENCIES;

    /** Options with the default schedule. */
    public PlanOptions(int pageSize, int batchSize, int maxConcurrency) {
        this(pageSize, batchSize, maxConcurrency, DEFAULT_SCHEDULE.planName());
    }

    /** The schedule, {@link #DEFAULT_SCHEDULE} if the plan names none or one that does not exist (the validator refuses that). */
    @JsonIgnore
    public Schedule scheduleOrDefault() {
        return Schedule.fromPlanName(schedule).orElse(DEFAULT_SCHEDULE);
    }

    /** The options of a plan that gives none. */
    public static PlanOptions defaults() {
        return new PlanOptions(DEFAULT_PAGE_SIZE, DEFAULT_BATCH_SIZE, DEFAULT_MAX_CONCURRENCY, DEFAULT_SCHEDULE.planName());
    }

    /** The options as JSON gives them: a missing or {@code null} field takes its default. */
    @JsonCreator
    public static PlanOptions of(@JsonProperty("pageSize") Integer pageSize,
                                 @JsonProperty("batchSize") Integer batchSize,
                                 @JsonProperty("maxConcurrency") Integer maxConcurrency,
                                 @JsonProperty("schedule") String schedule) {
        return new PlanOptions(pageSize == null ? DEFAULT_PAGE_SIZE : pageSize,
                batchSize == null ? DEFAULT_BATCH_SIZE : batchSize,
                maxConcurrency == null ? DEFAULT_MAX_CONCURRENCY : maxConcurrency,
                schedule == null ? DEFAULT_SCHEDULE.planName() : schedule);
    }
}
