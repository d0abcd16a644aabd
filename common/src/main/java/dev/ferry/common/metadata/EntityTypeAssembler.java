package dev.ferry.common.metadata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.olingo.commons.api.edm.provider.CsdlAnnotation;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityType;
import org.apache.olingo.commons.api.edm.provider.CsdlProperty;
import org.apache.olingo.commons.api.edm.provider.CsdlPropertyRef;

/** Builds {@link EntityTypeInfo}s: inherited keys and properties merged, annotations applied. */
final class EntityTypeAssembler {

    private final TypeHierarchy hierarchy;
    private final CsdlNames names;
    private final AnnotationIndex annotations;

    EntityTypeAssembler(TypeHierarchy hierarchy, CsdlNames names, AnnotationIndex annotations) {
        this.hierarchy = hierarchy;
        this.names = names;
        this.annotations = annotations;
    }

    Map<String, EntityTypeInfo> assembleAll() {
        Map<String, EntityTypeInfo> types = new LinkedHashMap<>();
        for (String qualifiedName : hierarchy.qualifiedNames()) {
            types.put(qualifiedName, assemble(qualifiedName));
        }
        return types;
    }

    private EntityTypeInfo assemble(String qualifiedName) {
        List<TypeHierarchy.DeclaredType> chain = hierarchy.rootFirst(qualifiedName);
        TypeHierarchy.DeclaredType self = chain.get(chain.size() - 1);
        Map<String, PropertyInfo> properties = new LinkedHashMap<>();
        List<String> key = List.of();
        for (TypeHierarchy.DeclaredType type : chain) {
            for (CsdlProperty property : type.csdl().getProperties()) {
                properties.put(property.getName(), toPropertyInfo(type.qualifiedName(), property));
            }
            // A derived type may restate its base type's key (Dataverse does): the nearest one wins.
            List<String> declaredKey = keyOf(type.csdl());
            if (!declaredKey.isEmpty()) {
                key = declaredKey;
            }
        }
        return new EntityTypeInfo(qualifiedName, hierarchy.baseTypeOf(qualifiedName), self.csdl().isAbstract(), key,
                properties, alternateKeys(qualifiedName, self.csdl()));
    }

    private static List<String> keyOf(CsdlEntityType type) {
        List<String> key = new ArrayList<>();
        if (type.getKey() != null) {
            for (CsdlPropertyRef ref : type.getKey()) {
                key.add(ref.getName());
            }
        }
        return key;
    }

    private PropertyInfo toPropertyInfo(String declaringType, CsdlProperty property) {
        String target = CsdlNames.targetOf(declaringType, property.getName());
        boolean computed = annotations.find(property.getAnnotations(), target, Vocabulary.COMPUTED).stream()
                .anyMatch(AnnotationValues::isTrue);
        List<CsdlAnnotation> permissions = annotations.find(property.getAnnotations(), target, Vocabulary.PERMISSIONS);
        boolean readOnly = !permissions.isEmpty() && permissions.stream().noneMatch(AnnotationValues::grantsWrite);
        return new PropertyInfo(property.getName(), names.qualify(property.getType()),
                property.isCollection() || CsdlNames.isCollection(property.getType()), property.getMaxLength(),
                property.isNullable(), computed, readOnly);
    }

    private List<AlternateKey> alternateKeys(String qualifiedName, CsdlEntityType type) {
        List<AlternateKey> keys = new ArrayList<>();
        for (CsdlAnnotation annotation : annotations.find(type.getAnnotations(), qualifiedName, Vocabulary.ALTERNATE_KEYS)) {
            keys.addAll(AnnotationValues.alternateKeys(annotation));
        }
        return keys;
    }
}
