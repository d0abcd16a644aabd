package dev.ferry.loader;

/** Why the data plane holds a partition paused; a partition is consumed only while it has none. */
enum PauseReason {
    /** Its table is not released (or was cancelled): the coordinator decides when it resumes. */
    NOT_RELEASED,
    /** Too many of its (or of all) records are in flight: resumes by itself once they drain. */
    BACKPRESSURE
}
