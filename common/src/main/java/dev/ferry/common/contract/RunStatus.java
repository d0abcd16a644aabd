package dev.ferry.common.contract;

/** Where a run stands. */
public enum RunStatus {
    /** Validated and accepted; topics and tasks are being created. */
    ACCEPTED,
    RUNNING,
    /** Every table loaded (some records may have been rejected: see the dead letters). */
    SUCCEEDED,
    FAILED,
    CANCELLED
}
