package dev.ferry.coordinator.plan;

import java.util.List;

/**
 * What a valid plan becomes: each entry's extraction and release gate (the tables' rows, then the
 * deferred-lookups passes), the load order in waves, the deferred lookups and notes for people.
 *
 * @param tables          the tables' rows in plan order, then their deferred-lookups passes
 * @param waves           the load order of the tables' rows: each wave loads once the earlier ones
 *                        are loaded (a pass loads once its table and its lookups' tables are)
 * @param deferredLookups the lookups written by a second pass, by table and lookup, with why
 * @param notes           what people should know before running it: one line per deferred lookup
 */
public record RunLayout(List<TableLayout> tables, List<List<String>> waves, List<DeferredLookup> deferredLookups,
                        List<String> notes) {

    public RunLayout {
        tables = List.copyOf(tables);
        waves = waves.stream().map(List::copyOf).toList();
        deferredLookups = List.copyOf(deferredLookups);
        notes = List.copyOf(notes);
    }
}
