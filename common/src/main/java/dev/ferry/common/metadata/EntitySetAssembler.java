package dev.ferry.common.metadata;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.olingo.commons.api.edm.provider.CsdlAnnotation;
import org.apache.olingo.commons.api.edm.provider.CsdlEntitySet;
import org.apache.olingo.commons.api.edm.provider.CsdlNavigationProperty;
import org.apache.olingo.commons.api.edm.provider.CsdlNavigationPropertyBinding;
import org.apache.olingo.commons.api.edm.provider.CsdlReferentialConstraint;

/**
 * Builds {@link EntitySetInfo}s: classifies each navigation property of the set's type as a
 * lookup, a many-to-many association or neither, and resolves its target entity set.
 */
final class EntitySetAssembler {

    private static final char TYPE_CAST_SEPARATOR = '/';

    private final TypeHierarchy hierarchy;
    private final CsdlNames names;
    private final AnnotationIndex annotations;
    private final Map<String, EntityTypeInfo> types;
    private final EntityContainer container;
    private final ServiceKind kind;
    private final Set<String> entitySetNames = new HashSet<>();
    private final Map<String, List<String>> entitySetsByType = new HashMap<>();

    /** The entity container: its qualified name (an annotation target prefix) and its entity sets. */
    record EntityContainer(String qualifiedName, List<CsdlEntitySet> entitySets) {
    }

    EntitySetAssembler(TypeHierarchy hierarchy, CsdlNames names, AnnotationIndex annotations,
                       Map<String, EntityTypeInfo> types, EntityContainer container, ServiceKind kind) {
        this.hierarchy = hierarchy;
        this.names = names;
        this.annotations = annotations;
        this.types = types;
        this.container = container;
        this.kind = kind;
        for (CsdlEntitySet set : container.entitySets()) {
            entitySetNames.add(set.getName());
            entitySetsByType.computeIfAbsent(names.qualify(set.getType()), type -> new ArrayList<>()).add(set.getName());
        }
    }

    List<EntitySetInfo> assembleAll() {
        List<EntitySetInfo> sets = new ArrayList<>();
        for (CsdlEntitySet set : container.entitySets()) {
            sets.add(assemble(set));
        }
        return sets;
    }

    private EntitySetInfo assemble(CsdlEntitySet set) {
        String typeName = names.qualify(set.getType());
        EntityTypeInfo type = types.get(typeName);
        if (type == null) {
            throw new MetadataReadException("Entity set '" + set.getName() + "' is of type '" + typeName
                    + "', which the document does not define");
        }
        Map<String, String> bindings = bindingsByNavigation(set);
        List<Lookup> lookups = new ArrayList<>();
        List<ManyToMany> manyToMany = new ArrayList<>();
        for (CsdlNavigationProperty navigation : hierarchy.navigations(typeName).values()) {
            String targetType = names.qualify(navigation.getType());
            String targetSet = resolveTargetSet(bindings.get(navigation.getName()), targetType);
            if (isCollection(navigation)) {
                partnerCollection(navigation, targetType).ifPresent(partner ->
                        manyToMany.add(new ManyToMany(navigation.getName(), targetType, targetSet, partner)));
            } else if (navigation.getReferentialConstraints().size() == 1) {
                // Composite foreign keys (several constraints) do not occur in Dataverse and are not supported yet.
                lookups.add(toLookup(type, navigation, targetType, targetSet));
            }
        }
        return new EntitySetInfo(set.getName(), type, lookups, manyToMany, alternateKeys(set, type));
    }

    /** Those of the type, then those annotated on the set itself (inline or {@code Target="Container/set"}). */
    private List<AlternateKey> alternateKeys(CsdlEntitySet set, EntityTypeInfo type) {
        List<AlternateKey> keys = new ArrayList<>(type.alternateKeys());
        String setTarget = CsdlNames.targetOf(container.qualifiedName(), set.getName());
        for (CsdlAnnotation annotation : annotations.find(set.getAnnotations(), setTarget, Vocabulary.ALTERNATE_KEYS)) {
            keys.addAll(AnnotationValues.alternateKeys(annotation));
        }
        return keys;
    }

    private Lookup toLookup(EntityTypeInfo type, CsdlNavigationProperty navigation, String targetType, String targetSet) {
        CsdlReferentialConstraint constraint = navigation.getReferentialConstraints().get(0);
        String foreignKey = constraint.getProperty();
        ForeignKeyStyle style = LookupColumn.isLookupValueName(foreignKey)
                ? ForeignKeyStyle.LOOKUP_VALUE : ForeignKeyStyle.PROPERTY;
        return new Lookup(navigation.getName(), targetType, targetSet, foreignKey, constraint.getReferencedProperty(),
                style, requiredness(type, navigation, foreignKey));
    }

    /**
     * Dataverse's {@code Nullable="false"} on every lookup navigation says nothing about whether
     * the column is required (that lives in its attribute metadata), so every Dataverse lookup,
     * {@code _x_value} or plain ({@code stageid}), stays {@link Requiredness#UNKNOWN}. Elsewhere a
     * non-nullable navigation or foreign-key property means required.
     */
    private Requiredness requiredness(EntityTypeInfo type, CsdlNavigationProperty navigation, String foreignKey) {
        if (kind == ServiceKind.DATAVERSE) {
            return Requiredness.UNKNOWN;
        }
        boolean foreignKeyRequired = type.property(foreignKey).map(property -> !property.nullable()).orElse(false);
        boolean navigationRequired = Boolean.FALSE.equals(navigation.isNullable());
        return foreignKeyRequired || navigationRequired ? Requiredness.REQUIRED : Requiredness.OPTIONAL;
    }

    private Optional<String> partnerCollection(CsdlNavigationProperty navigation, String targetType) {
        if (navigation.getPartner() == null) {
            return Optional.empty();
        }
        return hierarchy.navigation(targetType, navigation.getPartner())
                .filter(EntitySetAssembler::isCollection)
                .map(CsdlNavigationProperty::getName);
    }

    private static boolean isCollection(CsdlNavigationProperty navigation) {
        return navigation.isCollection() || CsdlNames.isCollection(navigation.getType());
    }

    /** Binding paths may carry a type cast ({@code Ns.Derived/nav}): the navigation is the last segment. */
    private static Map<String, String> bindingsByNavigation(CsdlEntitySet set) {
        Map<String, String> bindings = new HashMap<>();
        for (CsdlNavigationPropertyBinding binding : set.getNavigationPropertyBindings()) {
            String path = binding.getPath();
            bindings.putIfAbsent(path.substring(path.lastIndexOf(TYPE_CAST_SEPARATOR) + 1), binding.getTarget());
        }
        return bindings;
    }

    /**
     * The bound entity set when it exists; otherwise the one entity set of exactly the target
     * type, if there is exactly one. Real documents bind to sets they do not define (Dataverse:
     * {@code ownerid} → {@code owners}), so a binding is a hint, not a fact.
     */
    private String resolveTargetSet(String bindingTarget, String targetType) {
        if (bindingTarget != null) {
            String bound = CsdlNames.lastSegment(bindingTarget);
            if (entitySetNames.contains(bound)) {
                return bound;
            }
        }
        List<String> ofTargetType = entitySetsByType.getOrDefault(targetType, List.of());
        return ofTargetType.size() == 1 ? ofTargetType.get(0) : null;
    }
}
