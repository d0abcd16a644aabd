package dev.ferry.emulator.query;

import dev.ferry.emulator.schema.Column;
import dev.ferry.emulator.schema.Table;
import dev.ferry.emulator.store.Ids;
import dev.ferry.emulator.store.Row;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A parsed {@code $orderby}: columns with directions, ties broken by id ascending so that the
 * order is total and keyset paging can resume after any row. Nulls sort first ascending and last
 * descending, as in SQL Server.
 */
public final class OrderBy {
    /** One ordering column. */
    public record Key(Column column, int slot, boolean descending, Comparator<Object> order) {
    }

    /** No {@code $orderby}: rows in id order, which paging can stream. */
    public static final OrderBy BY_ID = new OrderBy(List.of());

    private final List<Key> keys;
    private final Comparator<Row> comparator;

    private OrderBy(List<Key> keys) {
        this.keys = List.copyOf(keys);
        this.comparator = this::compareRows;
    }

    /** Parses e.g. {@code name asc,createdon desc}; throws Dataverse's 400 for what it cannot read. */
    public static OrderBy parse(Table table, String orderby) {
        if (orderby == null || orderby.isBlank()) {
            throw QueryErrors.badRequest("The $orderby query option is empty: give a property such as $orderby=name asc.");
        }
        List<Key> keys = new ArrayList<>();
        for (String part : orderby.split(",")) {
            String[] words = part.trim().split("\\s+");
            if (words.length == 0 || words[0].isEmpty() || words.length > 2) {
                throw QueryErrors.badRequest("Syntax error in $orderby '" + orderby + "': each item is a property"
                        + " optionally followed by asc or desc.");
            }
            Column column = table.columnByProperty(words[0])
                    .orElseThrow(() -> QueryErrors.unknownProperty(table, words[0]));
            boolean descending = false;
            if (words.length == 2) {
                if (words[1].equals("desc")) {
                    descending = true;
                } else if (!words[1].equals("asc")) {
                    throw QueryErrors.badRequest("Syntax error in $orderby '" + orderby + "': '" + words[1]
                            + "' is not a direction; use asc or desc.");
                }
            }
            keys.add(new Key(column, table.indexOf(column), descending, ValueOrder.of(column)));
        }
        return new OrderBy(keys);
    }

    public List<Key> keys() {
        return keys;
    }

    /** Whether rows come in plain id order (no $orderby), so a page can be read by streaming. */
    public boolean byIdOnly() {
        return keys.isEmpty();
    }

    /** The total order of rows: the keys, then id. */
    public Comparator<Row> comparator() {
        return comparator;
    }

    /** The sort values of a row, as a skiptoken carries them. */
    public Object[] valuesOf(Row row) {
        Object[] values = new Object[keys.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = row.get(keys.get(i).slot());
        }
        return values;
    }

    /** Compares a row with a position (sort values and id) taken from a skiptoken. */
    public int compareToPosition(Row row, Object[] values, UUID id) {
        for (int i = 0; i < keys.size(); i++) {
            Key k = keys.get(i);
            int c = ValueOrder.compareNullsFirst(k.order(), row.get(k.slot()), values[i]);
            if (c != 0) {
                return k.descending() ? -c : c;
            }
        }
        return Ids.ORDER.compare(row.id(), id);
    }

    private int compareRows(Row a, Row b) {
        for (Key k : keys) {
            int c = ValueOrder.compareNullsFirst(k.order(), a.get(k.slot()), b.get(k.slot()));
            if (c != 0) {
                return k.descending() ? -c : c;
            }
        }
        return Ids.ORDER.compare(a.id(), b.id());
    }
}
