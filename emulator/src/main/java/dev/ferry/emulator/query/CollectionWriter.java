package dev.ferry.emulator.query;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.ferry.emulator.http.ApiResponse;
import dev.ferry.emulator.store.Row;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes a collection response as Dataverse does: {@code @odata.context}, the count and its
 * annotations when asked for, {@code value} and, when more rows follow, {@code @odata.nextLink}.
 * A page's JSON is generated into memory (bounded by the page size) and sent with a
 * Content-Length: measured faster than the JDK server's 4 KB chunked streaming, and a failure
 * while writing can still be answered with an error status.
 */
final class CollectionWriter {
    /** Dataverse counts at most this many rows for {@code $count}. */
    static final int COUNT_LIMIT = 5000;
    /** A first guess of a row's JSON size, so that the page buffer rarely grows. */
    private static final int INITIAL_BYTES_PER_ROW = 512;

    /** Produces the page's JSON. */
    @FunctionalInterface
    private interface JsonBody {
        void writeTo(OutputStream out) throws IOException;
    }

    private CollectionWriter() {
    }

    /** The count part of a response: null when {@code $count} was not asked for. */
    record Count(Integer counted, boolean exceeded) {
        static Count of(int countedUpToLimitPlusOne) {
            return new Count(Math.min(countedUpToLimitPlusOne, COUNT_LIMIT), countedUpToLimitPlusOne > COUNT_LIMIT);
        }
    }

    /** A page of rows: {@code context} is the {@code @odata.context} URL, {@code nextLink} null on the last page. */
    static ApiResponse rows(String context, Count count, IncludeAnnotations annotations, RowWriter writer,
            List<Row> rows, String nextLink, String preferenceApplied) {
        return respond(preferenceApplied, rows.size(), out -> {
            try (JsonGenerator g = RowWriter.JSON.createGenerator(out)) {
                start(g, context, count, annotations);
                for (Row row : rows) {
                    writer.write(g, row);
                }
                end(g, nextLink);
            }
        });
    }

    /** A page of entity references, {@code {"@odata.id": "<root>leads(<id>)"}} each. */
    static ApiResponse references(String context, String idPrefix, List<Row> rows, String nextLink,
            String preferenceApplied) {
        return respond(preferenceApplied, rows.size(), out -> {
            try (JsonGenerator g = RowWriter.JSON.createGenerator(out)) {
                start(g, context, null, IncludeAnnotations.NONE);
                for (Row row : rows) {
                    g.writeStartObject();
                    g.writeStringField("@odata.id", idPrefix + "(" + row.id() + ")");
                    g.writeEndObject();
                }
                end(g, nextLink);
            }
        });
    }

    private static ApiResponse respond(String preferenceApplied, int rows, JsonBody body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(INITIAL_BYTES_PER_ROW * Math.max(1, rows));
        try {
            body.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a page to memory", e);
        }
        ApiResponse response = ApiResponse.json(200, out.toByteArray());
        return preferenceApplied == null ? response : response.withHeader("Preference-Applied", preferenceApplied);
    }

    private static void start(JsonGenerator g, String context, Count count, IncludeAnnotations annotations)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("@odata.context", context);
        if (count != null) {
            g.writeNumberField("@odata.count", count.counted());
        }
        if (annotations.matches(IncludeAnnotations.TOTAL_RECORD_COUNT)) {
            g.writeNumberField("@" + IncludeAnnotations.TOTAL_RECORD_COUNT, count == null ? -1 : count.counted());
        }
        if (annotations.matches(IncludeAnnotations.TOTAL_RECORD_COUNT_LIMIT_EXCEEDED)) {
            g.writeBooleanField("@" + IncludeAnnotations.TOTAL_RECORD_COUNT_LIMIT_EXCEEDED,
                    count != null && count.exceeded());
        }
        g.writeArrayFieldStart("value");
    }

    private static void end(JsonGenerator g, String nextLink) throws IOException {
        g.writeEndArray();
        if (nextLink != null) {
            g.writeStringField("@odata.nextLink", nextLink);
        }
        g.writeEndObject();
    }
}
