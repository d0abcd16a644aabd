package dev.ferry.common.odata;

/** How records are written to a target, best first. */
public enum WriteMethod {
    /** Dataverse's {@code Microsoft.Dynamics.CRM.UpsertMultiple}: one request, all-or-nothing. */
    UPSERT_MULTIPLE,
    /**
     * Dataverse's {@code Microsoft.Dynamics.CRM.UpdateMultiple}: one request, all-or-nothing, updates only
     * (a missing row fails the request); used by {@link ODataClient#update}.
     */
    UPDATE_MULTIPLE,
    /** {@code $batch} of PATCH upserts (or updates, with {@code If-Match: *}), continue-on-error: one outcome per record. */
    BATCH,
    /** One PATCH upsert (or update, with {@code If-Match: *}) per record. */
    SINGLE
}
