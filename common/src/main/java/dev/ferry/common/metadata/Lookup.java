package dev.ferry.common.metadata;

import java.util.Objects;
import java.util.Optional;

/**
 * A single-valued navigation property with a referential constraint: the entity refers to one
 * record of the target. Ferry orders tables by these and writes them as
 * {@code <navigationProperty>@odata.bind}.
 *
 * @param navigationProperty the navigation property, e.g. {@code parentaccountid}
 * @param targetEntityType   the qualified type it points to; may be abstract (Dataverse {@code principal})
 * @param targetEntitySet    the entity set bound to the navigation, or {@code null} when the
 *                           document binds none that exists (Dataverse binds {@code ownerid} to a
 *                           missing {@code owners}); see {@link ServiceMetadata#entitySetsAssignableTo}
 * @param foreignKeyProperty the dependent's property holding the target's key, e.g. {@code _parentaccountid_value}
 * @param referencedProperty the target's property it holds, e.g. {@code accountid}
 * @param foreignKeyStyle    whether the foreign key is a Dataverse lookup value or a plain property
 * @param requiredness       whether a value is required, when CSDL can tell
 */
public record Lookup(String navigationProperty, String targetEntityType, String targetEntitySet,
                     String foreignKeyProperty, String referencedProperty, ForeignKeyStyle foreignKeyStyle,
                     Requiredness requiredness) {

    public Lookup {
        Objects.requireNonNull(navigationProperty, "navigationProperty");
        Objects.requireNonNull(targetEntityType, "targetEntityType");
        Objects.requireNonNull(foreignKeyProperty, "foreignKeyProperty");
        Objects.requireNonNull(referencedProperty, "referencedProperty");
        Objects.requireNonNull(foreignKeyStyle, "foreignKeyStyle");
        Objects.requireNonNull(requiredness, "requiredness");
    }

    /** The entity set the navigation is bound to, if the document binds one that exists. */
    public Optional<String> targetEntitySetIfBound() {
        return Optional.ofNullable(targetEntitySet);
    }

    /** The unqualified name of the target type, e.g. {@code account}: what Dataverse's {@code lookuplogicalname} says. */
    public String targetTypeName() {
        return targetEntityType.substring(targetEntityType.lastIndexOf('.') + 1);
    }
}
