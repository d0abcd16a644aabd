package dev.ferry.emulator.seed;

import dev.ferry.emulator.schema.Column;
import dev.ferry.emulator.schema.CrmSchema;
import dev.ferry.emulator.schema.Schema;
import dev.ferry.emulator.schema.Table;
import dev.ferry.emulator.store.LookupValue;
import dev.ferry.emulator.store.Row;
import dev.ferry.emulator.store.Store;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/** A store seeded for a test, with the queries the seeding tests ask of it. */
final class SeededStore {
    /** Every crm table, enough rows for each share (nulls, long text, polymorphic targets) to show. */
    static final Map<String, Integer> CRM_COUNTS = Map.of("systemuser", 40, "team", 8, "account", 600,
            "contact", 900, "lead", 400, "opportunity", 300);

    final Store store;
    final SeedResult result;

    private SeededStore(Store store, SeedResult result) {
        this.store = store;
        this.result = result;
    }

    static SeededStore crm(Map<String, Integer> counts, long randomSeed) {
        return seeded(CrmSchema.build(), counts, randomSeed);
    }

    static SeededStore seeded(Schema schema, Map<String, Integer> counts, long randomSeed) {
        Store store = new Store(schema, Clock.systemUTC());
        return new SeededStore(store, new Seeder(store, randomSeed).seed(counts));
    }

    Table table(String name) {
        return store.schema().table(name).orElseThrow();
    }

    List<Row> rows(String table) {
        return List.copyOf(store.table(table).rows());
    }

    /** The values of one column over all rows of its table, nulls included. */
    List<Object> values(String table, String column) {
        int slot = table(table).indexOf(column);
        return rows(table).stream().map(r -> r.get(slot)).toList();
    }

    Stream<LookupValue> lookups(String table, String column) {
        return values(table, column).stream().filter(Objects::nonNull).map(LookupValue.class::cast);
    }

    Stream<String> strings() {
        return store.schema().tables().stream().flatMap(t -> {
            List<Integer> slots = t.columns().stream().filter(c -> c.type().edmType().equals("Edm.String"))
                    .map(t::indexOf).toList();
            return rows(t.logicalName()).stream().flatMap(r -> slots.stream().map(r::get))
                    .filter(Objects::nonNull).map(String.class::cast);
        });
    }

    static boolean isWritable(Column c) {
        return !c.readOnly();
    }
}
