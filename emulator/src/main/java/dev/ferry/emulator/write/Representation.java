package dev.ferry.emulator.write;

import dev.ferry.emulator.http.ApiRequest;
import dev.ferry.emulator.http.ApiResponse;
import dev.ferry.emulator.query.IncludeAnnotations;
import dev.ferry.emulator.query.RowWriter;
import dev.ferry.emulator.query.Selection;
import dev.ferry.emulator.schema.Table;
import dev.ferry.emulator.store.Row;
import dev.ferry.emulator.store.Store;
import java.util.UUID;

/**
 * The answer to a write sent with {@code Prefer: return=representation}: the written record as
 * JSON ({@code $select} and {@code odata.include-annotations} honoured), 201 when it was created
 * and 200 when it was updated, with {@code Preference-Applied} and, as in Dataverse, no
 * {@code OData-EntityId}.
 */
final class Representation {
    static final String PREFERENCE = "return";
    static final String REPRESENTATION = "representation";
    private static final String SELECT = "$select";
    private static final int CREATED = 201;
    private static final int OK = 200;

    private Representation() {
    }

    static boolean wanted(ApiRequest request) {
        return request.preference(PREFERENCE).map(REPRESENTATION::equalsIgnoreCase).orElse(false);
    }

    static ApiResponse of(ApiRequest request, Store store, Table table, UUID id, boolean created) {
        Row row = store.table(table.logicalName()).get(id).orElseThrow();
        Selection selection = Selection.parse(table, request.queryOption(SELECT).orElse(null));
        IncludeAnnotations annotations = IncludeAnnotations.of(request);
        byte[] body = RowWriter.of(store, selection, annotations).entityDocument(request.serviceRoot(), row);
        String applied = PREFERENCE + "=" + REPRESENTATION + annotations.applied().map(a -> "," + a).orElse("");
        return ApiResponse.json(created ? CREATED : OK, body).withHeader("Preference-Applied", applied);
    }
}
