package dev.ferry.emulator.csdl;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link CsdlParser} keeps of a CSDL document: the entity types (in document order, names
 * without namespace) and the entity set of each type.
 */
record CsdlDocument(Map<String, EntityTypeDecl> entityTypes, Map<String, String> entitySetByType) {

    Optional<EntityTypeDecl> type(String name) {
        return Optional.ofNullable(entityTypes.get(name));
    }

    /** One {@code EntityType}; {@code baseType} is unqualified or null. */
    record EntityTypeDecl(String name, String baseType, boolean isAbstract, List<String> key,
            List<PropertyDecl> properties, List<NavigationDecl> navigations, List<List<String>> alternateKeys) {
    }

    /**
     * One structural property.
     *
     * @param computed annotated {@code Org.OData.Core.V1.Computed}
     * @param readPermissionOnly annotated {@code Org.OData.Core.V1.Permissions} with Read alone
     */
    record PropertyDecl(String name, String type, boolean computed, boolean readPermissionOnly) {
    }

    /**
     * One navigation property; {@code type} is the unqualified entity type (of the items, for a
     * collection).
     */
    record NavigationDecl(String name, String type, boolean isCollection, String partner,
            List<Constraint> constraints) {
    }

    /** A {@code ReferentialConstraint}. */
    record Constraint(String property, String referencedProperty) {
    }
}
