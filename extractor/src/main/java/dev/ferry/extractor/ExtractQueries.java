package dev.ferry.extractor;

import dev.ferry.common.contract.ExtractTask;
import dev.ferry.common.odata.PageQuery;
import java.util.ArrayList;
import java.util.List;

/** Turns an extract task into the query that pages its table or slice. */
public final class ExtractQueries {

    private ExtractQueries() {
    }

    /**
     * The task's query: its select plus the key properties (a record must carry its key to be
     * produced; an empty select reads every column, keys included), its filter and the slice's
     * filter combined with {@code and}, annotations on (polymorphic lookups need
     * {@code lookuplogicalname}).
     */
    public static PageQuery of(ExtractTask task, List<String> keyProperties) {
        List<String> select = new ArrayList<>(task.select());
        if (!select.isEmpty()) {
            keyProperties.stream().filter(key -> !select.contains(key)).forEach(select::add);
        }
        return new PageQuery(task.entitySet(), select, filter(task), task.pageSize(), true);
    }

    static String filter(ExtractTask task) {
        String planFilter = blankToNull(task.filter());
        String sliceFilter = task.slice() == null ? null : blankToNull(task.slice().filter());
        if (planFilter == null) {
            return sliceFilter;
        }
        if (sliceFilter == null) {
            return planFilter;
        }
        // Parenthesised: either side may contain "or", which binds more loosely than "and".
        return "(" + planFilter + ") and (" + sliceFilter + ")";
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
