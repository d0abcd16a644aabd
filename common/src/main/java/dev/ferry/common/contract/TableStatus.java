package dev.ferry.common.contract;

/** Where one table of a run stands (DESIGN.md, {@code GET /migrations/{id}}). */
public enum TableStatus {
    /** Not released yet: extraction may run ahead, loading waits for the parents. */
    WAITING,
    EXTRACTING,
    LOADING,
    LOADED,
    FAILED,
    CANCELLED
}
