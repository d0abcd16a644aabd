package dev.ferry.common.metadata;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * An alternate key ({@code OData.Community.Keys.V1.AlternateKeys}): properties that identify a
 * record as uniquely as its primary key.
 *
 * <p>CSDL gives an alternate key no name (Dataverse's key schema names live only in its
 * attribute metadata), so Ferry names one by its property names joined with commas in the
 * declared order, e.g. {@code "name,componentstate"}; {@link #matches(String)} accepts the
 * names in any order.
 *
 * @param propertyNames the key's properties, in declared order
 */
public record AlternateKey(List<String> propertyNames) {

    static final String NAME_SEPARATOR = ",";

    public AlternateKey {
        if (propertyNames == null || propertyNames.isEmpty()) {
            throw new IllegalArgumentException("An alternate key needs at least one property");
        }
        propertyNames = List.copyOf(propertyNames);
    }

    /** The key's name as a plan refers to it: its property names joined with commas. */
    public String name() {
        return String.join(NAME_SEPARATOR, propertyNames);
    }

    /** Whether {@code keyName} names this key: the same property names, in any order, spaces ignored. */
    public boolean matches(String keyName) {
        if (keyName == null) {
            return false;
        }
        Set<String> requested = new TreeSet<>();
        for (String part : keyName.split(NAME_SEPARATOR, -1)) {
            requested.add(part.strip());
        }
        return requested.equals(new TreeSet<>(propertyNames));
    }

    /** A readable description for messages, e.g. {@code "name,componentstate"}. */
    @Override
    public String toString() {
        return name();
    }
}
