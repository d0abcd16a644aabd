package dev.ferry.emulator.query;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.ferry.emulator.EmulatorContext;
import dev.ferry.emulator.http.ApiRequest;
import dev.ferry.emulator.http.ApiResponse;
import dev.ferry.emulator.http.ResourcePath;
import dev.ferry.emulator.http.ResourcePath.Segment;
import dev.ferry.emulator.http.WebApi;
import dev.ferry.emulator.json.ValueCodec;
import dev.ferry.emulator.schema.Column;
import dev.ferry.emulator.schema.ManyToMany;
import dev.ferry.emulator.schema.Relationship;
import dev.ferry.emulator.schema.Table;
import dev.ferry.emulator.store.LookupValue;
import dev.ferry.emulator.store.Row;
import dev.ferry.emulator.store.TableStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Answers GET on an entity set: collections with query options and server-driven paging, single
 * rows by id or alternate key, single properties, and navigation from a row (many-to-many and
 * one-to-many collections with their {@code $ref} forms, single-valued lookups).
 */
public final class ReadHandler {
    private static final String REF = "$ref";
    private static final String COUNT = "$count";
    private static final String VALUE = "$value";
    private static final int NOT_MODIFIED = 304;
    /** Collection options that make no sense on a single row; Dataverse refuses them there too. */
    private static final Set<String> COLLECTION_OPTIONS = Set.of("$filter", "$orderby", "$top", "$count", "$skiptoken");

    private final EmulatorContext context;

    public ReadHandler(EmulatorContext context) {
        this.context = context;
    }

    public ApiResponse handle(ApiRequest request, ResourcePath path, Table table) {
        Segment first = path.get(0);
        TableStore rows = context.store().table(table.logicalName());
        if (!first.hasKey()) {
            if (path.size() == 1) {
                return collection(request, rows, RowSource.table(rows), RowFilter.ALL, List.of(), table.entitySetName());
            }
            if (path.size() == 2 && !path.get(1).hasKey() && path.get(1).name().equals(COUNT)) {
                return collection(request, rows, RowSource.table(rows), RowFilter.ALL, List.of(COUNT),
                        table.entitySetName());
            }
            throw WebApi.notImplemented("GET " + path.shape() + " (functions and other paths below an entity set)");
        }
        Row row = RowKeys.require(rows, first.keyPredicate());
        if (path.size() == 1) {
            return singleRow(request, table, row);
        }
        Segment second = path.get(1);
        List<Segment> rest = path.segments().subList(2, path.size());
        if (second.hasKey()) {
            throw WebApi.notImplemented("GET " + path.shape() + " (a related row by key: read it from its own entity set)");
        }
        return navigate(request, path, table, row, second.name(), rest);
    }

    private ApiResponse navigate(ApiRequest request, ResourcePath path, Table table, Row row, String name,
            List<Segment> rest) {
        Optional<Column> column = table.columnByProperty(name);
        if (column.isPresent()) {
            return property(request, path, table, row, column.get(), rest);
        }
        String base = table.entitySetName() + "(" + row.id() + ")/" + name;
        Optional<ManyToMany> manyToMany = context.schema().manyToManyOf(table.logicalName()).stream()
                .filter(m -> m.schemaName().equals(name)).findFirst();
        if (manyToMany.isPresent()) {
            ManyToMany m = manyToMany.get();
            TableStore other = context.store().table(m.otherSide(table.logicalName()));
            RowSource related = RowSource.ids(other,
                    context.store().associations(m.schemaName()).related(table.logicalName(), row.id()));
            return collection(request, other, related, RowFilter.ALL, names(rest, path), base);
        }
        Optional<Relationship> oneToMany = context.schema().relationshipsReferencing(table.logicalName()).stream()
                .filter(r -> r.schemaName().equals(name)).findFirst();
        if (oneToMany.isPresent()) {
            Relationship r = oneToMany.get();
            TableStore referencing = context.store().table(r.referencingTable());
            int slot = referencing.table().indexOf(r.referencingAttribute());
            String parent = table.logicalName();
            RowFilter pointsHere = candidate -> candidate.get(slot) instanceof LookupValue lv && lv.id().equals(row.id())
                    && lv.table().equals(parent) ? RowFilter.TRUE : RowFilter.FALSE;
            return collection(request, referencing, RowSource.table(referencing), pointsHere, names(rest, path), base);
        }
        List<Relationship> lookups = table.relationshipsByNavigation(name);
        if (!lookups.isEmpty()) {
            return lookupTarget(request, path, table, row, lookups, rest);
        }
        throw QueryErrors.unknownProperty(table, name);
    }

    /**
     * One page of a collection. {@code rest} is what follows the collection in the path: nothing,
     * {@code $ref} or {@code $count}; {@code path} is the collection's path for links.
     */
    private ApiResponse collection(ApiRequest request, TableStore rows, RowSource source, RowFilter base,
            List<String> rest, String path) {
        Table table = rows.table();
        QueryOptions o = QueryOptions.parse(request, context.schema(), table, context.options().maxPageSize());
        RowFilter filter = base == RowFilter.ALL ? o.filter() : FilterNodes.and(base, o.filter());
        if (rest.equals(List.of(COUNT))) {
            int counted = Math.min(Page.count(source, filter, CollectionWriter.COUNT_LIMIT), CollectionWriter.COUNT_LIMIT);
            return ApiResponse.text(200, "text/plain", Integer.toString(counted)).withHeader("OData-Version", "4.0");
        }
        boolean references = rest.equals(List.of(REF));
        if (!rest.isEmpty() && !references) {
            throw WebApi.notImplemented("GET " + path + "/" + String.join("/", rest));
        }
        SkipToken after = o.skipToken() == null ? null : SkipToken.decode(o.skipToken(), o.orderBy(), table.primaryId());
        long returned = after == null ? 0 : after.returned();
        long remaining = o.top() == null ? Long.MAX_VALUE : Math.max(0, o.top() - returned);
        int limit = (int) Math.min(o.pageSize(), remaining);
        Page page = Page.read(source, filter, o.orderBy(), after, limit, remaining > limit);
        String nextLink = page.hasMore() ? nextLink(request, path, rest, o, after, page, returned) : null;
        String root = request.serviceRoot();
        if (references) {
            return CollectionWriter.references(root + "$metadata#Collection($ref)", root + table.entitySetName(),
                    page.rows(), nextLink, o.preferenceApplied());
        }
        CollectionWriter.Count count = o.count()
                ? CollectionWriter.Count.of(Page.count(source, filter, CollectionWriter.COUNT_LIMIT)) : null;
        RowWriter writer = o.writer(context.store());
        String contextUrl = root + "$metadata#" + table.entitySetName() + writer.contextSuffix();
        return CollectionWriter.rows(contextUrl, count, o.annotations(), writer, page.rows(), nextLink,
                o.preferenceApplied());
    }

    private static String nextLink(ApiRequest request, String path, List<String> rest, QueryOptions o,
            SkipToken after, Page page, long returned) {
        List<Row> rows = page.rows();
        Row last = rows.get(rows.size() - 1);
        Table table = o.selection().table();
        List<String> sortProperties = o.orderBy().keys().stream().map(k -> k.column().propertyName()).toList();
        SkipToken next = new SkipToken(after == null ? 2 : after.pageNumber() + 1, returned + rows.size(),
                sortProperties, o.orderBy().valuesOf(last), table.primaryId(), last.id(), rows.get(0).id());
        String fullPath = rest.isEmpty() ? path : path + "/" + String.join("/", rest);
        return request.serviceRoot() + UrlText.encode(fullPath) + "?" + UrlText.nextQuery(request.query(), next.encode());
    }

    private ApiResponse singleRow(ApiRequest request, Table table, Row row) {
        for (String option : COLLECTION_OPTIONS) {
            if (request.query().containsKey(option)) {
                throw QueryErrors.badRequest("The query option '" + option + "' applies to collections, not to the"
                        + " single row " + table.entitySetName() + "(" + row.id() + ").");
            }
        }
        QueryOptions o = QueryOptions.forSingleRow(request, context.schema(), table);
        String etag = RowWriter.etag(table, row);
        if (etag != null && request.header("If-None-Match").map(v -> v.trim().equals(etag)).orElse(false)) {
            ApiResponse notModified = new ApiResponse(NOT_MODIFIED, Map.of("ETag", etag), new byte[0]);
            return notModified.withHeader("OData-Version", "4.0");
        }
        byte[] body = o.writer(context.store()).entityDocument(request.serviceRoot(), row);
        ApiResponse response = ApiResponse.json(200, body);
        if (etag != null) {
            response = response.withHeader("ETag", etag);
        }
        String applied = o.preferenceApplied();
        return applied == null ? response : response.withHeader("Preference-Applied", applied);
    }

    /** {@code accounts(id)/name} as {@code {"value": ...}}, or {@code .../name/$value} as raw text; 204 when empty. */
    private ApiResponse property(ApiRequest request, ResourcePath path, Table table, Row row, Column column,
            List<Segment> rest) {
        Object value = row.get(table.indexOf(column));
        boolean raw = rest.size() == 1 && !rest.get(0).hasKey() && rest.get(0).name().equals(VALUE);
        if (!rest.isEmpty() && !raw) {
            throw WebApi.notImplemented("GET " + path.shape());
        }
        if (value == null) {
            return ApiResponse.noContent();
        }
        if (raw) {
            return ApiResponse.text(200, "text/plain", rawText(value)).withHeader("OData-Version", "4.0");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeJson(out, g -> {
            g.writeStartObject();
            g.writeStringField("@odata.context", request.serviceRoot() + "$metadata#" + table.entitySetName() + "("
                    + row.id() + ")/" + column.propertyName());
            g.writeFieldName("value");
            ValueCodec.write(g, column, value);
            g.writeEndObject();
        });
        return ApiResponse.json(200, out.toByteArray());
    }

    /** A single-valued navigation ({@code contacts(id)/parentcustomerid_account}): the referenced row or 204. */
    private ApiResponse lookupTarget(ApiRequest request, ResourcePath path, Table table, Row row,
            List<Relationship> lookups, List<Segment> rest) {
        boolean reference = rest.size() == 1 && !rest.get(0).hasKey() && rest.get(0).name().equals(REF);
        if (!rest.isEmpty() && !reference) {
            throw WebApi.notImplemented("GET " + path.shape());
        }
        Object value = row.get(table.indexOf(lookups.get(0).referencingAttribute()));
        if (!(value instanceof LookupValue lookup)
                || lookups.stream().noneMatch(r -> r.referencedTable().equals(lookup.table()))) {
            return ApiResponse.noContent();
        }
        TableStore targetRows = context.store().table(lookup.table());
        Optional<Row> target = targetRows.get(lookup.id());
        if (target.isEmpty()) {
            return ApiResponse.noContent();
        }
        Table targetTable = targetRows.table();
        String root = request.serviceRoot();
        if (reference) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            writeJson(out, g -> {
                g.writeStartObject();
                g.writeStringField("@odata.context", root + "$metadata#$ref");
                g.writeStringField("@odata.id", root + targetTable.entitySetName() + "(" + lookup.id() + ")");
                g.writeEndObject();
            });
            return ApiResponse.json(200, out.toByteArray());
        }
        return singleRow(request, targetTable, target.get());
    }

    /** A property's value as {@code $value} returns it: the text of its JSON form, unquoted. */
    private static String rawText(Object value) {
        if (value instanceof LookupValue lookup) {
            return lookup.id().toString();
        }
        if (value instanceof Instant instant) {
            return ValueCodec.DATE_TIME.format(instant);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value.toString();
    }

    private static List<String> names(List<Segment> rest, ResourcePath path) {
        for (Segment s : rest) {
            if (s.hasKey()) {
                throw WebApi.notImplemented("GET " + path.shape() + " (a related row by key: read it from its own"
                        + " entity set)");
            }
        }
        return rest.stream().map(Segment::name).toList();
    }

    /** Writes JSON with a generator; the lambda may throw IOException. */
    @FunctionalInterface
    private interface JsonBody {
        void write(JsonGenerator g) throws IOException;
    }

    private static void writeJson(ByteArrayOutputStream out, JsonBody body) {
        try (JsonGenerator g = RowWriter.JSON.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON to memory", e);
        }
    }
}
