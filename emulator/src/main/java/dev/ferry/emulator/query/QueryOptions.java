package dev.ferry.emulator.query;

import dev.ferry.emulator.http.ApiRequest;
import dev.ferry.emulator.http.WebApi;
import dev.ferry.emulator.schema.Schema;
import dev.ferry.emulator.schema.Table;
import dev.ferry.emulator.store.Store;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The system query options of one GET, read and checked once: {@code $select}, {@code $expand}
 * (single-valued navigation properties), {@code $filter}
 * (compiled), {@code $orderby}, {@code $top}, {@code $count}, {@code $skiptoken}, and the
 * {@code Prefer} preferences {@code odata.maxpagesize} and {@code odata.include-annotations}.
 * Options Dataverse refuses are refused the same way ({@code $skip}); options Dataverse has and
 * the emulator lacks answer 501.
 */
public record QueryOptions(
        Selection selection,
        List<Expansion> expansions,
        RowFilter filter,
        OrderBy orderBy,
        Integer top,
        boolean count,
        String skipToken,
        int pageSize,
        boolean pageSizeApplied,
        IncludeAnnotations annotations) {

    public static final String MAX_PAGE_SIZE = "odata.maxpagesize";
    /** Options read here or harmless to ignore; anything else starting with '$' is refused. */
    private static final Set<String> KNOWN = Set.of("$select", "$expand", "$filter", "$orderby", "$top", "$count",
            "$skiptoken", "$format");

    /** Reads the options of a request on rows of {@code table}; {@code maxPageSize} is the emulator's limit. */
    public static QueryOptions parse(ApiRequest request, Schema schema, Table table, int maxPageSize) {
        Map<String, String> q = request.query();
        refuseUnsupported(q);
        Selection selection = Selection.parse(table, q.get("$select"));
        List<Expansion> expansions = ExpandParser.parse(schema, table, q.get("$expand"));
        RowFilter filter = q.containsKey("$filter") ? FilterParser.compile(table, q.get("$filter"), q) : RowFilter.ALL;
        OrderBy orderBy = q.containsKey("$orderby") ? OrderBy.parse(table, q.get("$orderby")) : OrderBy.BY_ID;
        Integer top = q.containsKey("$top") ? parseTop(q.get("$top")) : null;
        boolean count = q.containsKey("$count") && parseCount(q.get("$count"));
        OptionalInt preferred = preferredPageSize(request, maxPageSize);
        return new QueryOptions(selection, expansions, filter, orderBy, top, count, q.get("$skiptoken"),
                preferred.orElse(maxPageSize), preferred.isPresent(), IncludeAnnotations.of(request));
    }

    /** Reads only {@code $select} and annotations: for single rows, where other options do not apply. */
    public static QueryOptions forSingleRow(ApiRequest request, Schema schema, Table table) {
        refuseUnsupported(request.query());
        Map<String, String> q = request.query();
        return new QueryOptions(Selection.parse(table, q.get("$select")), ExpandParser.parse(schema, table,
                q.get("$expand")), RowFilter.ALL, OrderBy.BY_ID, null, false, null, 1, false, IncludeAnnotations.of(request));
    }

    /** The writer of this query's rows: its columns, annotations and expansions. */
    public RowWriter writer(Store store) {
        return RowWriter.of(store, selection, annotations, expansions);
    }

    /**
     * The {@code Preference-Applied} header value (maxpagesize and include-annotations when
     * honoured), or null.
     */
    public String preferenceApplied() {
        StringBuilder sb = new StringBuilder();
        annotations.applied().ifPresent(sb::append);
        if (pageSizeApplied) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(MAX_PAGE_SIZE).append('=').append(pageSize);
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    private static void refuseUnsupported(Map<String, String> q) {
        if (q.containsKey("$skip")) {
            // Dataverse's own answer: it pages only with $skiptoken (nextLink).
            throw QueryErrors.badRequest("The query parameter $skip is not supported");
        }
        if (q.containsKey("$apply")) {
            throw WebApi.notImplemented("aggregation with $apply");
        }
        if (q.containsKey("$search")) {
            throw WebApi.notImplemented("$search");
        }
        for (String name : q.keySet()) {
            if (name.startsWith("$") && !KNOWN.contains(name)) {
                throw QueryErrors.badRequest("The query parameter '" + name + "' is not supported.");
            }
        }
    }

    private static int parseTop(String text) {
        try {
            int top = Integer.parseInt(text.trim());
            if (top < 0) {
                throw new NumberFormatException(text);
            }
            return top;
        } catch (NumberFormatException e) {
            throw QueryErrors.badRequest("Invalid value '" + text + "' for $top query option found. The $top query"
                    + " option requires a non-negative integer value.");
        }
    }

    private static boolean parseCount(String text) {
        return switch (text.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw QueryErrors.badRequest("'" + text + "' is not a valid count option: use $count=true.");
        };
    }

    /** A usable odata.maxpagesize: Dataverse ignores values above its maximum, and so do we (and nonsense). */
    private static OptionalInt preferredPageSize(ApiRequest request, int maxPageSize) {
        Optional<String> value = request.preference(MAX_PAGE_SIZE);
        if (value.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            int n = Integer.parseInt(value.get().trim());
            return n > 0 && n <= maxPageSize ? OptionalInt.of(n) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            // A preference the service cannot honour is ignored, not refused (RFC 7240).
            return OptionalInt.empty();
        }
    }
}
