package dev.ferry.emulator.csdl;

import java.util.Set;

/** Names and conventions of Dataverse's CSDL that the writer and the reader share. */
final class DataverseCsdl {
    static final String EDMX_NS = "http://docs.oasis-open.org/odata/ns/edmx";
    static final String EDM_NS = "http://docs.oasis-open.org/odata/ns/edm";
    static final String NAMESPACE = "Microsoft.Dynamics.CRM";
    static final String ALIAS = "mscrm";
    static final String CONTAINER = "System";
    /** The abstract base of every table's entity type. */
    static final String BASE_ENTITY = "crmbaseentity";
    /** The abstract base of systemuser and team, the type of owner navigation properties. */
    static final String PRINCIPAL = "principal";
    /** The key of {@link #PRINCIPAL}, which systemuser and team inherit. */
    static final String PRINCIPAL_KEY = "ownerid";
    /** Dataverse binds owner navigation properties to this entity set, which its documents never declare. */
    static final String OWNERS_SET = "owners";

    static final String TERM_COMPUTED = "Org.OData.Core.V1.Computed";
    static final String TERM_PERMISSIONS = "Org.OData.Core.V1.Permissions";
    static final String PERMISSION_READ = "Org.OData.Core.V1.PermissionType/Read";
    static final String TERM_ALTERNATE_KEYS = "OData.Community.Keys.V1.AlternateKeys";
    static final String ALTERNATE_KEY_RECORD = "OData.Community.Keys.V1.AlternateKey";
    static final String PROPERTY_REF_RECORD = "OData.Community.Keys.V1.PropertyRef";

    /** The suffix Dataverse gives the collection navigation properties of N:N relationships. */
    static final String ASSOCIATION_SUFFIX = "_association";

    /**
     * System lookups Dataverse maintains itself. Their CSDL looks exactly like that of writable
     * lookups (both are marked Computed and read-only on the {@code _x_value} property, which is
     * written through the navigation property instead), so only the name tells them apart.
     */
    static final Set<String> SYSTEM_LOOKUPS = Set.of("createdby", "modifiedby", "createdonbehalfby",
            "modifiedonbehalfby", "owninguser", "owningteam", "owningbusinessunit", "createdbyexternalparty",
            "modifiedbyexternalparty");

    private DataverseCsdl() {
    }

    static String qualified(String typeName) {
        return ALIAS + "." + typeName;
    }

    static String collection(String typeName) {
        return "Collection(" + qualified(typeName) + ")";
    }

    /** The partner of an owner navigation property, declared on {@link #PRINCIPAL}: e.g. {@code owner_accounts}. */
    static String ownerPartner(String navigation, String entitySetName) {
        return PRINCIPAL_KEY.equals(navigation) ? "owner_" + entitySetName : navigation + "_owner_" + entitySetName;
    }
}
