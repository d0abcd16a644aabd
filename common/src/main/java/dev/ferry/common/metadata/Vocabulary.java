package dev.ferry.common.metadata;

/** The qualified names of the annotation terms Ferry reads. */
final class Vocabulary {

    static final String COMPUTED = "Org.OData.Core.V1.Computed";
    static final String PERMISSIONS = "Org.OData.Core.V1.Permissions";
    static final String ALTERNATE_KEYS = "OData.Community.Keys.V1.AlternateKeys";

    /** Members of {@code Org.OData.Core.V1.PermissionType} that allow writing. */
    static final String PERMISSION_WRITE = "Write";
    static final String PERMISSION_READ_WRITE = "ReadWrite";

    /** The {@code Key} property of an {@code AlternateKey} record and the {@code Name} of its property refs. */
    static final String ALTERNATE_KEY_PROPERTIES = "Key";
    static final String PROPERTY_REF_NAME = "Name";

    private Vocabulary() {
    }
}
