package dev.ferry.emulator.query;

import dev.ferry.emulator.store.Row;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * One page of a collection: at most the page's limit of rows after the skiptoken's position and
 * whether more follow. Without {@code $orderby} the rows are read by streaming the id-ordered
 * source and stop after one row beyond the page; with it, a bounded heap keeps only the page's
 * worth of smallest rows after the position, so a table is never copied or sorted whole.
 *
 * @param rows the rows to send, in order
 * @param hasMore whether a next page exists
 */
public record Page(List<Row> rows, boolean hasMore) {
    /** Collections start at most this large and grow with the rows found, so a tiny result costs little. */
    private static final int INITIAL_CAPACITY = 1024;

    /**
     * Reads a page.
     *
     * @param limit the most rows to return
     * @param moreAllowed whether rows beyond this page may be asked for ({@code $top} not yet reached)
     */
    public static Page read(RowSource source, RowFilter filter, OrderBy order, SkipToken after, int limit,
            boolean moreAllowed) {
        if (limit <= 0) {
            return new Page(List.of(), false);
        }
        return order.byIdOnly() ? streamed(source, filter, after, limit, moreAllowed)
                : ordered(source, filter, order, after, limit, moreAllowed);
    }

    /** Counts matching rows, stopping at {@code cap + 1} so that "more than cap" is known without reading everything. */
    public static int count(RowSource source, RowFilter filter, int cap) {
        int n = 0;
        Iterator<Row> it = source.after(null);
        while (it.hasNext() && n <= cap) {
            if (filter.matches(it.next())) {
                n++;
            }
        }
        return n;
    }

    private static Page streamed(RowSource source, RowFilter filter, SkipToken after, int limit, boolean moreAllowed) {
        Iterator<Row> it = source.after(after == null ? null : after.lastId());
        List<Row> rows = new ArrayList<>(Math.min(limit, INITIAL_CAPACITY));
        while (rows.size() < limit && it.hasNext()) {
            Row r = it.next();
            if (filter.matches(r)) {
                rows.add(r);
            }
        }
        boolean more = false;
        if (rows.size() == limit && moreAllowed) {
            while (it.hasNext()) {
                if (filter.matches(it.next())) {
                    more = true;
                    break;
                }
            }
        }
        return new Page(rows, more);
    }

    private static Page ordered(RowSource source, RowFilter filter, OrderBy order, SkipToken after, int limit,
            boolean moreAllowed) {
        int keep = limit + 1;
        PriorityQueue<Row> largestFirst = new PriorityQueue<>(Math.min(keep, INITIAL_CAPACITY), order.comparator().reversed());
        Iterator<Row> it = source.after(null);
        while (it.hasNext()) {
            Row r = it.next();
            if (!filter.matches(r)) {
                continue;
            }
            if (after != null && order.compareToPosition(r, after.sortValues(), after.lastId()) <= 0) {
                continue;
            }
            if (largestFirst.size() < keep) {
                largestFirst.add(r);
            } else if (order.comparator().compare(r, largestFirst.peek()) < 0) {
                largestFirst.poll();
                largestFirst.add(r);
            }
        }
        List<Row> rows = new ArrayList<>(largestFirst);
        rows.sort(order.comparator());
        boolean more = rows.size() > limit;
        if (more) {
            rows = rows.subList(0, limit);
        }
        return new Page(rows, more && moreAllowed);
    }
}
