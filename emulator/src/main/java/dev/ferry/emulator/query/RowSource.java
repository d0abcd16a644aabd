package dev.ferry.emulator.query;

import dev.ferry.emulator.store.Ids;
import dev.ferry.emulator.store.Row;
import dev.ferry.emulator.store.TableStore;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;

/**
 * Where a collection's rows come from, always in id order and resumable after an id: a whole
 * table (live, never copied), or the rows related to one row through a many-to-many relationship.
 */
@FunctionalInterface
public interface RowSource {

    /** Rows with an id after {@code lastId} (all rows when null), in id order. */
    Iterator<Row> after(UUID lastId);

    /** Every row of a table, read from the live index. */
    static RowSource table(TableStore rows) {
        return lastId -> rows.rowsAfter(lastId).values().iterator();
    }

    /** The rows of {@code rows} whose ids are in {@code ids} (sorted in id order); ids of deleted rows are skipped. */
    static RowSource ids(TableStore rows, List<UUID> ids) {
        return lastId -> {
            int start = 0;
            if (lastId != null) {
                int i = Collections.binarySearch(ids, lastId, Ids.ORDER);
                start = i >= 0 ? i + 1 : -i - 1;
            }
            return new RowsById(rows, ids.listIterator(start));
        };
    }

    /** Looks ids up as it goes, so a page reads only the rows it sends. */
    final class RowsById implements Iterator<Row> {
        private final TableStore rows;
        private final Iterator<UUID> ids;
        private Row next;

        RowsById(TableStore rows, Iterator<UUID> ids) {
            this.rows = rows;
            this.ids = ids;
        }

        @Override
        public boolean hasNext() {
            while (next == null && ids.hasNext()) {
                next = rows.get(ids.next()).orElse(null);
            }
            return next != null;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Row r = next;
            next = null;
            return r;
        }
    }
}
