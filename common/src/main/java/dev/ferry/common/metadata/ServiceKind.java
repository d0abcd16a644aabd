package dev.ferry.common.metadata;

/** Which conventions a service's CSDL follows, as far as Ferry must tell them apart. */
public enum ServiceKind {
    /**
     * Dataverse (or Dynamics CRM, or an emulator of it): schema namespace {@code Microsoft.Dynamics.CRM}.
     * Its CSDL says {@code Nullable="false"} on every lookup navigation, so nullability says
     * nothing about required-ness; lookups are written with {@code @odata.bind}.
     */
    DATAVERSE,
    /** Any other OData v4 service: CSDL nullability is taken at its word. */
    GENERIC_ODATA;

    /** The schema namespace every Dataverse document declares. */
    static final String DATAVERSE_NAMESPACE = "Microsoft.Dynamics.CRM";
}
