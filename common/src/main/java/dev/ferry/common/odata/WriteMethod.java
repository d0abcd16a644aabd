package dev.ferry.common.odata;

/** How records are written to a target, best first. */
public enum WriteMethod {
    /** Dataverse's {@code Microsoft.Dynamics.CRM.UpsertMultiple}: one request, all-or-nothing. */
    UPSERT_MULTIPLE,
    /** {@code $batch} of PATCH upserts, continue-on-error: one outcome per record. */
    BATCH,
    /** One PATCH upsert per record. */
    SINGLE
}
