package dev.ferry.common.metadata;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An entity type with everything it inherits from its base types already merged in.
 *
 * @param qualifiedName    namespace-qualified name, aliases resolved, e.g. {@code Microsoft.Dynamics.CRM.account}
 * @param baseType         the qualified name of the base type, or {@code null}
 * @param isAbstract       whether the type is abstract (no entity set holds it directly)
 * @param keyPropertyNames the primary key's properties (inherited when the type declares none)
 * @param properties       structural properties by name, base type's first, in declared order
 * @param alternateKeys    alternate keys declared on the type
 */
public record EntityTypeInfo(String qualifiedName, String baseType, boolean isAbstract, List<String> keyPropertyNames,
                             Map<String, PropertyInfo> properties, List<AlternateKey> alternateKeys) {

    public EntityTypeInfo {
        Objects.requireNonNull(qualifiedName, "qualifiedName");
        keyPropertyNames = List.copyOf(keyPropertyNames);
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        alternateKeys = List.copyOf(alternateKeys);
    }

    /** The unqualified name, e.g. {@code account}: Dataverse's logical name of the table. */
    public String name() {
        return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    }

    /** The qualified name of the base type, if the type has one. */
    public Optional<String> baseTypeIfAny() {
        return Optional.ofNullable(baseType);
    }

    /** The structural property of that name, if the type has one. */
    public Optional<PropertyInfo> property(String name) {
        return Optional.ofNullable(properties.get(name));
    }
}
