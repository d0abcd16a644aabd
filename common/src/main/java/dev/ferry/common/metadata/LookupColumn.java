package dev.ferry.common.metadata;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lookups that share one foreign-key property. Usually one; several for a Dataverse
 * polymorphic lookup (customer, regarding): {@code contact._parentcustomerid_value} is written
 * through {@code parentcustomerid_account} or {@code parentcustomerid_contact}, picked by the
 * record's {@code lookuplogicalname} annotation.
 *
 * @param foreignKeyProperty the shared foreign-key property
 * @param lookups            the navigations that use it, in declared order
 */
public record LookupColumn(String foreignKeyProperty, List<Lookup> lookups) {

    /** Dataverse names the read-only mirror of lookup {@code x} {@code _x_value}. */
    private static final Pattern LOOKUP_VALUE_NAME = Pattern.compile("_(.+)_value");

    public LookupColumn {
        Objects.requireNonNull(foreignKeyProperty, "foreignKeyProperty");
        if (lookups == null || lookups.isEmpty()) {
            throw new IllegalArgumentException("A lookup column needs at least one lookup");
        }
        lookups = List.copyOf(lookups);
    }

    /**
     * The column's logical name: {@code parentcustomerid} for Dataverse's
     * {@code _parentcustomerid_value}, the property name itself for a plain foreign key.
     */
    public String logicalName() {
        return logicalNameOf(foreignKeyProperty);
    }

    /** Whether the column can point to records of more than one table. */
    public boolean isPolymorphic() {
        return lookups.size() > 1;
    }

    /** The lookup whose target type has that unqualified name (e.g. {@code account}), if any. */
    public Optional<Lookup> lookupForTargetType(String targetTypeName) {
        return lookups.stream().filter(lookup -> lookup.targetTypeName().equals(targetTypeName)).findFirst();
    }

    static boolean isLookupValueName(String propertyName) {
        return LOOKUP_VALUE_NAME.matcher(propertyName).matches();
    }

    static String logicalNameOf(String foreignKeyProperty) {
        Matcher matcher = LOOKUP_VALUE_NAME.matcher(foreignKeyProperty);
        return matcher.matches() ? matcher.group(1) : foreignKeyProperty;
    }
}
