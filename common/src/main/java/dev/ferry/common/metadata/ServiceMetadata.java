package dev.ferry.common.metadata;

import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** An OData service's metadata as Ferry needs it: its entity sets and entity types. Immutable. */
public final class ServiceMetadata {

    private final ServiceKind kind;
    private final Map<String, EntitySetInfo> entitySets;
    private final Map<String, EntityTypeInfo> entityTypes;

    /**
     * @param kind        the conventions the service follows
     * @param entitySets  every entity set of the service's entity container
     * @param entityTypes every entity type of the document, abstract ones included
     */
    public ServiceMetadata(ServiceKind kind, Collection<EntitySetInfo> entitySets, Collection<EntityTypeInfo> entityTypes) {
        this.kind = Objects.requireNonNull(kind, "kind");
        Map<String, EntitySetInfo> sets = new LinkedHashMap<>();
        entitySets.forEach(set -> sets.put(set.name(), set));
        Map<String, EntityTypeInfo> types = new LinkedHashMap<>();
        entityTypes.forEach(type -> types.put(type.qualifiedName(), type));
        this.entitySets = Collections.unmodifiableMap(sets);
        this.entityTypes = Collections.unmodifiableMap(types);
    }

    /** Which conventions the service follows. */
    public ServiceKind kind() {
        return kind;
    }

    /** The entity set of that name (case-sensitive, as in URLs), if any. */
    public Optional<EntitySetInfo> entitySet(String name) {
        return Optional.ofNullable(entitySets.get(name));
    }

    /** Every entity set by name, in document order. */
    public Map<String, EntitySetInfo> entitySets() {
        return entitySets;
    }

    /** The entity type of that qualified name (aliases resolved), if any. */
    public Optional<EntityTypeInfo> entityType(String qualifiedName) {
        return Optional.ofNullable(entityTypes.get(qualifiedName));
    }

    /** Every entity type by qualified name, in document order. */
    public Map<String, EntityTypeInfo> entityTypes() {
        return entityTypes;
    }

    /**
     * The entity sets whose records can be the target of a navigation typed {@code qualifiedType}:
     * those of that type or of a type derived from it. Dataverse's {@code ownerid} points to the
     * abstract {@code principal}: its records live in {@code systemusers} and {@code teams}.
     */
    public List<EntitySetInfo> entitySetsAssignableTo(String qualifiedType) {
        return entitySets.values().stream()
                .filter(set -> isSameOrDerived(set.entityType().qualifiedName(), qualifiedType))
                .toList();
    }

    /** Whether {@code qualifiedType} is {@code ancestor} or derives from it. */
    public boolean isSameOrDerived(String qualifiedType, String ancestor) {
        Set<String> seen = new HashSet<>();
        String current = qualifiedType;
        while (current != null && seen.add(current)) {
            if (current.equals(ancestor)) {
                return true;
            }
            current = entityType(current).map(EntityTypeInfo::baseType).orElse(null);
        }
        return false;
    }
}
