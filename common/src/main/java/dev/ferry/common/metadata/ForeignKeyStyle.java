package dev.ferry.common.metadata;

/** How a lookup's foreign key appears in the dependent entity. */
public enum ForeignKeyStyle {
    /**
     * Dataverse's {@code _<name>_value} property: a read-only mirror of the lookup. It is read
     * from the source, but a lookup can only be written through {@code <navigation>@odata.bind}.
     */
    LOOKUP_VALUE,
    /** A plain foreign-key property of the entity (e.g. {@code CategoryID}), as most OData services have. */
    PROPERTY
}
