package dev.ferry.common.metadata;

/** Whether a lookup must have a value, as far as the CSDL can tell. */
public enum Requiredness {
    REQUIRED,
    OPTIONAL,
    /**
     * CSDL does not say. Dataverse declares {@code Nullable="false"} on every lookup navigation
     * whether or not the column is required; its required level lives in the attribute metadata.
     */
    UNKNOWN
}
