package dev.ferry.common.metadata;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.olingo.client.api.edm.xml.XMLMetadata;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityType;
import org.apache.olingo.commons.api.edm.provider.CsdlNavigationProperty;
import org.apache.olingo.commons.api.edm.provider.CsdlSchema;

/** The document's entity types by qualified name, and their inheritance chains. */
final class TypeHierarchy {

    /** One CSDL entity type with the qualified name it is known by. */
    record DeclaredType(String qualifiedName, CsdlEntityType csdl) {
    }

    private final CsdlNames names;
    private final Map<String, CsdlEntityType> typesByQualifiedName = new LinkedHashMap<>();
    /** Navigations are asked for again for every partner check: worth keeping (a read is single-threaded). */
    private final Map<String, Map<String, CsdlNavigationProperty>> navigationsByType = new HashMap<>();

    TypeHierarchy(XMLMetadata document, CsdlNames names) {
        this.names = names;
        for (CsdlSchema schema : document.getSchemas()) {
            for (CsdlEntityType type : schema.getEntityTypes()) {
                typesByQualifiedName.put(schema.getNamespace() + "." + type.getName(), type);
            }
        }
    }

    List<String> qualifiedNames() {
        return List.copyOf(typesByQualifiedName.keySet());
    }

    boolean contains(String qualifiedName) {
        return typesByQualifiedName.containsKey(qualifiedName);
    }

    String baseTypeOf(String qualifiedName) {
        CsdlEntityType type = typesByQualifiedName.get(qualifiedName);
        return type == null ? null : names.qualify(type.getBaseType());
    }

    /** The type and its ancestors that the document defines, root first; a cycle stops the walk. */
    List<DeclaredType> rootFirst(String qualifiedName) {
        List<DeclaredType> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String current = qualifiedName;
        while (current != null && typesByQualifiedName.containsKey(current) && seen.add(current)) {
            chain.add(new DeclaredType(current, typesByQualifiedName.get(current)));
            current = baseTypeOf(current);
        }
        Collections.reverse(chain);
        return chain;
    }

    /** The navigation properties of the type, inherited ones first, by name. */
    Map<String, CsdlNavigationProperty> navigations(String qualifiedName) {
        return navigationsByType.computeIfAbsent(qualifiedName, this::collectNavigations);
    }

    private Map<String, CsdlNavigationProperty> collectNavigations(String qualifiedName) {
        Map<String, CsdlNavigationProperty> navigations = new LinkedHashMap<>();
        for (DeclaredType type : rootFirst(qualifiedName)) {
            for (CsdlNavigationProperty navigation : type.csdl().getNavigationProperties()) {
                navigations.put(navigation.getName(), navigation);
            }
        }
        return navigations;
    }

    Optional<CsdlNavigationProperty> navigation(String qualifiedName, String navigationName) {
        return Optional.ofNullable(navigations(qualifiedName).get(navigationName));
    }
}
