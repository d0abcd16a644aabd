package dev.ferry.common.contract;

/** Which part of its records a released table's load writes. */
public enum LoadPass {
    /** Every column, except the lookups the plan defers to a second pass. */
    ROWS,
    /** Only the record id and the deferred lookups: the second pass that closes cycles and self-references. */
    DEFERRED_LOOKUPS,
    /**
     * The records are a many-to-many relationship's intersect rows: each is written as an
     * association ({@code $ref}) as {@link TableReleased#association()} says, once both sides are loaded.
     */
    ASSOCIATIONS
}
