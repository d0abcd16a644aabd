package dev.ferry.emulator.query;

import dev.ferry.emulator.http.QueryText;
import dev.ferry.emulator.http.WebApi;
import dev.ferry.emulator.schema.Relationship;
import dev.ferry.emulator.schema.Schema;
import dev.ferry.emulator.schema.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code $expand} for single-valued navigation properties (lookups), with nested
 * {@code $select} and {@code $expand} separated by semicolons, as in
 * {@code primarycontactid($select=fullname;$expand=parentcustomerid_account($select=name))}.
 * Expanding collection-valued navigation properties and {@code /$ref} answer 501.
 */
public final class ExpandParser {
    /** Dataverse allows at most this many expansions in one query. */
    public static final int MAX_EXPANSIONS = 15;

    private final Schema schema;
    private final String text;
    private int count;

    private ExpandParser(Schema schema, String text) {
        this.schema = schema;
        this.text = text;
    }

    /** The expansions of rows of {@code table}; an empty list for a null or blank option. */
    public static List<Expansion> parse(Schema schema, Table table, String expand) {
        if (expand == null || expand.isBlank()) {
            return List.of();
        }
        return new ExpandParser(schema, expand).items(table, expand);
    }

    private List<Expansion> items(Table table, String list) {
        List<Expansion> expansions = new ArrayList<>();
        for (String item : QueryText.splitTopLevel(list, ',')) {
            if (++count > MAX_EXPANSIONS) {
                throw QueryErrors.badRequest("The $expand '" + text + "' has more than " + MAX_EXPANSIONS
                        + " expansions; Dataverse allows at most " + MAX_EXPANSIONS + ".");
            }
            expansions.add(item(table, item.trim()));
        }
        return expansions;
    }

    private Expansion item(Table table, String item) {
        int open = item.indexOf('(');
        String name = (open < 0 ? item : item.substring(0, open)).trim();
        String options = "";
        if (open >= 0) {
            if (!item.endsWith(")")) {
                throw QueryErrors.badRequest("Syntax error in $expand '" + text + "': '" + item + "' lacks its closing ')'.");
            }
            options = item.substring(open + 1, item.length() - 1);
        }
        if (name.isEmpty()) {
            throw QueryErrors.badRequest("Syntax error in $expand '" + text + "': an empty navigation property.");
        }
        if (name.endsWith("/$ref")) {
            throw WebApi.notImplemented("$expand with /$ref ('" + name + "')");
        }
        List<Relationship> relationships = table.relationshipsByNavigation(name);
        if (relationships.isEmpty()) {
            if (isCollection(table, name)) {
                throw WebApi.notImplemented("$expand of the collection-valued navigation property '" + name
                        + "' (read it as " + table.entitySetName() + "(id)/" + name + ")");
            }
            throw QueryErrors.unknownProperty(table, name);
        }
        String select = null;
        String nested = null;
        for (String option : QueryText.splitTopLevel(options, ';')) {
            String o = option.trim();
            if (o.isEmpty()) {
                continue;
            }
            int eq = o.indexOf('=');
            String key = eq < 0 ? o : o.substring(0, eq).trim();
            String value = eq < 0 ? "" : o.substring(eq + 1).trim();
            switch (key) {
                case "$select" -> select = value;
                case "$expand" -> nested = value;
                case "$filter", "$orderby", "$top" -> throw QueryErrors.badRequest("The option '" + key + "' in $expand"
                        + " applies to collection-valued navigation properties; '" + name + "' is single-valued.");
                default -> throw QueryErrors.badRequest("The option '" + key + "' is not supported in $expand.");
            }
        }
        Map<String, Expansion.Target> targets = new LinkedHashMap<>();
        String context = null;
        for (Relationship r : relationships) {
            Table target = schema.table(r.referencedTable()).orElseThrow();
            Selection selection = Selection.parse(target, select);
            List<Expansion> inner = nested == null ? List.of() : items(target, nested);
            targets.put(target.logicalName(), new Expansion.Target(selection, inner));
            if (context == null) {
                context = name + contextOf(selection, inner);
            }
        }
        int slot = table.indexOf(relationships.get(0).referencingAttribute());
        return new Expansion(name, slot, targets, context);
    }

    /** {@code (name,accountid,primarycontactid(fullname))}: selected properties then expansions; {@code ()} when neither. */
    static String contextOf(Selection selection, List<Expansion> expansions) {
        List<String> parts = new ArrayList<>();
        if (selection.explicit()) {
            parts.addAll(selection.selected());
        }
        expansions.forEach(e -> parts.add(e.context()));
        return "(" + String.join(",", parts) + ")";
    }

    private boolean isCollection(Table table, String name) {
        return schema.manyToManyOf(table.logicalName()).stream().anyMatch(m -> m.schemaName().equals(name))
                || schema.relationshipsReferencing(table.logicalName()).stream().anyMatch(r -> r.schemaName().equals(name));
    }

}
