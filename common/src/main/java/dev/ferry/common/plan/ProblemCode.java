package dev.ferry.common.plan;

/** What is wrong with a plan, for machines; {@link PlanProblem#message()} says it for people. */
public enum ProblemCode {
    /** The body is not JSON, or not a JSON object. */
    MALFORMED_JSON,
    /** A field the plan format does not have (often a typo). */
    UNKNOWN_FIELD,
    /** A value of the wrong type or form (a string for a number, a null entry in a list). */
    INVALID_VALUE,
    /** A required field is missing or blank. */
    MISSING_FIELD,
    /** An environment that no service is configured for. */
    UNKNOWN_ENVIRONMENT,
    /** Source and target name the same environment. */
    SAME_SOURCE_AND_TARGET,
    /** An environment's {@code $metadata} could not be had, so nothing was checked against it. */
    METADATA_UNAVAILABLE,
    /** The plan lists no table. */
    NO_TABLES,
    /** The same entity set is listed twice. */
    DUPLICATE_TABLE,
    UNKNOWN_SOURCE_ENTITY_SET,
    UNKNOWN_TARGET_ENTITY_SET,
    UNKNOWN_SOURCE_COLUMN,
    UNKNOWN_TARGET_COLUMN,
    /** A key that is neither {@code primary} nor an alternate key of the target. */
    UNKNOWN_KEY,
    /** An alternate key whose columns the source does not have, so it cannot provide their values. */
    KEY_COLUMN_NOT_IN_SOURCE,
    /** A lookup rule for a column that is not a lookup of the table in the source. */
    UNKNOWN_LOOKUP,
    /** A lookup rule other than keep, clear or reject. */
    UNKNOWN_LOOKUP_RULE,
    /** An option outside its documented bounds. */
    OPTION_OUT_OF_RANGE,
    /**
     * A lookup cycle between the plan's tables that no set of deferrable lookups breaks (its
     * lookups are required), or too large to search; found by the coordinator's planning.
     */
    UNBREAKABLE_CYCLE
}
