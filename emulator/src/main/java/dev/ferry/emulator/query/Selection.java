package dev.ferry.emulator.query;

import dev.ferry.emulator.schema.Column;
import dev.ferry.emulator.schema.Table;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The columns a response carries: those named by {@code $select} (in the order given, the primary
 * id always added) or every column of the table.
 *
 * @param columns the columns to write, in order; the primary id is always among them
 * @param selected the property names as the client selected them, for {@code @odata.context};
 *     null when the client selected nothing (all columns)
 */
public record Selection(Table table, List<Column> columns, List<String> selected) {

    public Selection {
        columns = List.copyOf(columns);
        selected = selected == null ? null : List.copyOf(selected);
    }

    /** Every column of the table, in the table's column order. */
    public static Selection all(Table table) {
        return new Selection(table, table.columns(), null);
    }

    /**
     * Parses a {@code $select} value such as {@code name,_ownerid_value}; null, blank or {@code *}
     * selects every column. Throws Dataverse's 400 for a property the table lacks.
     */
    public static Selection parse(Table table, String select) {
        if (select == null || select.isBlank() || select.trim().equals("*")) {
            return all(table);
        }
        Set<String> names = new LinkedHashSet<>();
        for (String part : select.split(",")) {
            String name = part.trim();
            if (name.isEmpty()) {
                throw QueryErrors.badRequest("Bad Request - Error in query syntax: an empty property name in $select '"
                        + select + "'.");
            }
            names.add(name);
        }
        List<Column> columns = new ArrayList<>();
        for (String name : names) {
            columns.add(table.columnByProperty(name).orElseThrow(() -> QueryErrors.unknownProperty(table, name)));
        }
        Column primary = table.columns().get(table.primaryIdIndex());
        if (!columns.contains(primary)) {
            columns.add(primary);
        }
        return new Selection(table, columns, List.copyOf(names));
    }

    /** Whether the client chose the columns (then {@code @odata.context} lists them). */
    public boolean explicit() {
        return selected != null;
    }

    /** The part of {@code @odata.context} after the entity set: {@code (name,accountid)} or empty. */
    public String contextSuffix() {
        return selected == null ? "" : "(" + String.join(",", selected) + ")";
    }
}
