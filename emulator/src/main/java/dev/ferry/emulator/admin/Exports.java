package dev.ferry.emulator.admin;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ferry.emulator.http.ApiResponse;
import dev.ferry.emulator.schema.Column;
import dev.ferry.emulator.schema.ManyToMany;
import dev.ferry.emulator.schema.Schema;
import dev.ferry.emulator.schema.Table;
import dev.ferry.emulator.store.AssociationStore;
import dev.ferry.emulator.store.Row;
import dev.ferry.emulator.store.Store;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

/**
 * A table's rows, or a many-to-many relationship's pairs, as JSON lines ordered by id, streamed
 * so that a million rows never sit in memory as text. Meant for comparing a source environment
 * with a migrated target line by line.
 */
final class Exports {
    private static final JsonFactory JSON = new JsonFactory()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private Exports() {
    }

    /**
     * One JSON object per row, in id order, with every column by logical name (null included) in
     * {@link CanonicalValues canonical form}. Read-only columns (createdon, modifiedon,
     * versionnumber, fullname, ...) differ between a source and its migrated target by nature:
     * they are included only when {@code system} is true.
     */
    static ApiResponse rows(Store store, Table table, boolean system) {
        List<Column> columns = new ArrayList<>();
        List<Integer> slots = new ArrayList<>();
        for (Column c : table.columns()) {
            if (system || !c.readOnly()) {
                columns.add(c);
                slots.add(table.indexOf(c));
            }
        }
        Iterable<Row> rows = store.table(table.logicalName()).rows();
        return ApiResponse.streaming(200, AdminJson.NDJSON, out -> {
            try (JsonGenerator g = JSON.createGenerator(out)) {
                for (Row row : rows) {
                    g.writeStartObject();
                    for (int i = 0; i < columns.size(); i++) {
                        g.writeFieldName(columns.get(i).name());
                        CanonicalValues.write(g, columns.get(i), row.get(slots.get(i)));
                    }
                    g.writeEndObject();
                    g.writeRaw('\n');
                }
            }
        });
    }

    /**
     * One JSON object per association, ordered by the first table's id then the second's, named
     * like the intersect table's columns: {@code {"accountid":"…","leadid":"…"}} (for a table
     * related to itself: {@code <table>idone} and {@code <table>idtwo}).
     */
    static ApiResponse associations(Store store, Schema schema, ManyToMany m) {
        String first = schema.table(m.table1()).orElseThrow().primaryId();
        String second = schema.table(m.table2()).orElseThrow().primaryId();
        if (m.selfReferencing()) {
            second = first + "two";
            first = first + "one";
        }
        String firstName = first;
        String secondName = second;
        AssociationStore pairs = store.associations(m.schemaName());
        return ApiResponse.streaming(200, AdminJson.NDJSON, out -> writePairs(out, pairs, firstName, secondName));
    }

    private static void writePairs(OutputStream out, AssociationStore pairs, String first, String second)
            throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out)) {
            Iterator<UUID[]> it = pairs.pairs().iterator();
            while (it.hasNext()) {
                UUID[] p = it.next();
                g.writeStartObject();
                g.writeStringField(first, p[0].toString());
                g.writeStringField(second, p[1].toString());
                g.writeEndObject();
                g.writeRaw('\n');
            }
        }
    }
}
