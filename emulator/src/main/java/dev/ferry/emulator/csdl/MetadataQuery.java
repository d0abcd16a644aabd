package dev.ferry.emulator.csdl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.emulator.http.DataverseException;
import dev.ferry.emulator.http.ErrorCodes;
import dev.ferry.emulator.http.QueryText;
import dev.ferry.emulator.http.WebApi;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The query options of a metadata request: {@code $select}, {@code $filter} and {@code $expand}
 * with nested options ({@code Attributes($select=LogicalName;$filter=...)}). Options Dataverse
 * refuses or the emulator does not implement on metadata ({@code $top}, {@code $orderby}, ...)
 * answer 501.
 *
 * @param select the selected properties, or null for all
 */
record MetadataQuery(List<String> select, Map<String, MetadataQuery> expand, MetadataFilter filter) {

    /** Properties every metadata item keeps whatever is selected. */
    private static final Set<String> ALWAYS = Set.of("@odata.type", "MetadataId");
    private static final Set<String> UNSUPPORTED = Set.of("$top", "$skip", "$orderby", "$count", "$search", "$apply",
            "$levels", "$compute", "$skiptoken");

    static MetadataQuery none() {
        return new MetadataQuery(null, Map.of(), MetadataFilter.none());
    }

    /** The options of a request's query string. */
    static MetadataQuery of(Map<String, String> query, String target) {
        for (String option : query.keySet()) {
            if (UNSUPPORTED.contains(option)) {
                throw WebApi.notImplemented("the query option " + option + " on " + target);
            }
        }
        return build(query.get("$select"), query.get("$expand"), query.get("$filter"));
    }

    /** The options between the parentheses of an expanded navigation property. */
    private static MetadataQuery nested(String options, String target) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String part : split(options, ';')) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new DataverseException(400, ErrorCodes.BAD_REQUEST,
                        "Bad Request - Error in query syntax: cannot read the options '" + options + "' of " + target
                                + ".");
            }
            map.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
        }
        return of(map, target);
    }

    private static MetadataQuery build(String select, String expand, String filter) {
        List<String> selected = null;
        if (select != null && !select.isBlank()) {
            selected = new ArrayList<>();
            for (String s : split(select, ',')) {
                selected.add(s.trim());
            }
        }
        Map<String, MetadataQuery> expanded = new LinkedHashMap<>();
        if (expand != null && !expand.isBlank()) {
            for (String item : split(expand, ',')) {
                String e = item.trim();
                int open = e.indexOf('(');
                if (open < 0) {
                    expanded.put(e, none());
                } else {
                    if (!e.endsWith(")")) {
                        throw new DataverseException(400, ErrorCodes.BAD_REQUEST,
                                "Bad Request - Error in query syntax: unclosed '(' in $expand '" + expand + "'.");
                    }
                    String name = e.substring(0, open).trim();
                    expanded.put(name, nested(e.substring(open + 1, e.length() - 1), name));
                }
            }
        }
        MetadataFilter f = filter == null || filter.isBlank() ? MetadataFilter.none() : MetadataFilter.parse(filter);
        return new MetadataQuery(selected, expanded, f);
    }

    /** Splits at separators outside parentheses and quotes, dropping empty parts. */
    private static List<String> split(String text, char separator) {
        return QueryText.splitTopLevel(text, separator).stream().filter(p -> !p.isBlank()).toList();
    }

    /**
     * Checks that every expanded name is one of the navigation properties of the type.
     *
     * @throws DataverseException 400 in Dataverse's words for an unknown one
     */
    MetadataQuery requireExpandable(Set<String> navigations, String type) {
        for (String name : expand.keySet()) {
            if (!navigations.contains(name)) {
                throw new DataverseException(400, ErrorCodes.BAD_REQUEST,
                        "Could not find a property named '" + name + "' on type '" + DataverseCsdl.NAMESPACE + "."
                                + type + "'.");
            }
        }
        return this;
    }

    /** Keeps the selected properties (and those every item keeps) of a node; answers 501 for unknown ones. */
    ObjectNode project(ObjectNode node, String type) {
        return project(node, type, Set.of());
    }

    /**
     * Keeps the selected properties of a node, giving null for a selected property that {@code node}
     * lacks but other items of the collection have (a derived type's, such as a lookup's Targets).
     */
    ObjectNode project(ObjectNode node, String type, Set<String> derivedProperties) {
        if (select == null) {
            return node;
        }
        for (String s : select) {
            if (!node.has(s) && !expand.containsKey(s)) {
                if (!derivedProperties.contains(s)) {
                    throw WebApi.notImplemented("the property '" + s + "' of " + type + " (it serves "
                            + fieldNames(node) + ")");
                }
                node.putNull(s);
            }
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!ALWAYS.contains(name) && !select.contains(name) && !expand.containsKey(name)) {
                names.remove();
            }
        }
        return node;
    }

    /** What the {@code @odata.context} URL shows of the selection: e.g. {@code (LogicalName,Attributes(LogicalName))}. */
    String contextSuffix() {
        if (select == null && expand.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (select != null) {
            parts.addAll(select);
        }
        expand.forEach((name, q) -> parts.add(name + "(" + stripParentheses(q.contextSuffix()) + ")"));
        return "(" + String.join(",", parts) + ")";
    }

    private static String stripParentheses(String s) {
        return s.isEmpty() ? s : s.substring(1, s.length() - 1);
    }

    private static List<String> fieldNames(ObjectNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(n -> {
            if (!n.startsWith("@")) {
                names.add(n);
            }
        });
        return names;
    }
}
