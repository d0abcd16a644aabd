package dev.ferry.common.metadata;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * One structural property of an entity type as the service's CSDL declares it.
 *
 * @param name      the property name, case-sensitive as in CSDL
 * @param type      the qualified type of the value (of each element for a collection), e.g. {@code Edm.String}
 * @param collection whether the property holds a collection of values
 * @param maxLength the declared {@code MaxLength}, or {@code null} when not declared (or {@code max})
 * @param nullable  the declared nullability ({@code true} when CSDL says nothing)
 * @param computed  annotated {@code Org.OData.Core.V1.Computed}: the service sets the value
 * @param readOnly  annotated {@code Org.OData.Core.V1.Permissions} without {@code Write}
 */
public record PropertyInfo(String name, String type, boolean collection, Integer maxLength, boolean nullable,
                           boolean computed, boolean readOnly) {

    public PropertyInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /** The declared maximum length, if any. */
    public OptionalInt maxLengthIfDeclared() {
        return maxLength == null ? OptionalInt.empty() : OptionalInt.of(maxLength);
    }

    /**
     * Whether the CSDL allows clients to write this property. {@code true} only means the document
     * does not forbid it: Dataverse 9.x documents no longer carry these annotations, so the writer
     * must still consult the attribute metadata when the service offers it.
     */
    public boolean writableAsFarAsCsdlSays() {
        return !computed && !readOnly;
    }
}
