package dev.ferry.emulator.schema;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One attribute of a table.
 *
 * @param name logical name (for a lookup: the attribute name, e.g. {@code parentcustomerid}; its
 *     OData property is {@code _parentcustomerid_value})
 * @param maxLength for STRING and MEMO; 0 elsewhere
 * @param precision decimal places for DECIMAL, MONEY and DOUBLE; 0 elsewhere
 * @param options option values and labels for option sets; empty elsewhere
 * @param targets referenced table logical names for lookups; empty elsewhere
 */
public record Column(
        String name,
        ColumnType type,
        int maxLength,
        int precision,
        RequiredLevel requiredLevel,
        boolean validForCreate,
        boolean validForUpdate,
        boolean validForRead,
        Map<Integer, String> options,
        List<String> targets,
        String displayName) {

    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        options = Map.copyOf(options);
        targets = List.copyOf(targets);
        if (type.isLookup() && targets.isEmpty()) {
            throw new IllegalArgumentException("lookup column " + name + " needs at least one target table");
        }
    }

    /** The name of the column's property in OData payloads: {@code _x_value} for lookups. */
    public String propertyName() {
        return type.isLookup() ? lookupValueProperty(name) : name;
    }

    public boolean readOnly() {
        return !validForCreate && !validForUpdate;
    }

    public boolean polymorphic() {
        return targets.size() > 1;
    }

    public static String lookupValueProperty(String attribute) {
        return "_" + attribute + "_value";
    }
}
