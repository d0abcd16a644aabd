package dev.ferry.emulator.schema;

import java.util.List;

/** An alternate key of a table: a named set of columns whose values identify a row. */
public record AlternateKey(String name, List<String> columns) {
    public AlternateKey {
        columns = List.copyOf(columns);
    }
}
