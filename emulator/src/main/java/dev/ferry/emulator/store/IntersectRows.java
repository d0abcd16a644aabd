package dev.ferry.emulator.store;

import dev.ferry.emulator.schema.ManyToMany;
import dev.ferry.emulator.schema.Table;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Builds the intersect-table row of one association; its id is derived from the pair, so it is stable. */
public final class IntersectRows {
    private IntersectRows() {
    }

    /** A name-based UUID of the relationship and the pair: re-associating gives the same id. */
    public static UUID id(ManyToMany m, UUID first, UUID second) {
        String name = m.schemaName() + '|' + first + '|' + second;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    static Row row(Table intersect, ManyToMany m, UUID first, UUID second, long version) {
        UUID id = id(m, first, second);
        Object[] values = new Object[intersect.columnCount()];
        values[intersect.primaryIdIndex()] = id;
        values[intersect.indexOf(m.firstIdColumn())] = first;
        values[intersect.indexOf(m.secondIdColumn())] = second;
        values[intersect.indexOf("versionnumber")] = version;
        return new Row(id, values);
    }
}
