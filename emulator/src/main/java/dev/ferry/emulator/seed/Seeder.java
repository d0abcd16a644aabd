package dev.ferry.emulator.seed;

import dev.ferry.emulator.schema.Column;
import dev.ferry.emulator.schema.ManyToMany;
import dev.ferry.emulator.schema.Schema;
import dev.ferry.emulator.schema.Table;
import dev.ferry.emulator.store.Row;
import dev.ferry.emulator.store.Store;
import dev.ferry.emulator.store.TableStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Generates deterministic sample rows: the same random seed and counts on the same stored rows
 * give the same rows, ids included. Works for any schema (by column type, realistic where the
 * column names are known) and keeps lookups valid: targets are generated first, self-references
 * point at earlier rows, cyclic lookups are set in a second pass once both tables' rows exist,
 * polymorphic lookups use all their targets. Many-to-many relationships get a few links per row.
 * Rows are written in transactions of {@link #ROWS_PER_TRANSACTION}, tables in dependency order.
 *
 * <p>Seeding again adds more rows: each table's random streams also depend on how many rows it
 * already holds, and alternate key values already taken are skipped.
 */
public final class Seeder {
    /** Rows (or links) written per transaction: large, to seed a million rows quickly. */
    public static final int ROWS_PER_TRANSACTION = 10_000;
    /** At most this many links per row on the side that drives a many-to-many relationship. */
    public static final int MAX_LINKS_PER_ROW = 3;
    private static final String VERSION = "versionnumber";
    private static final long IDS = 1;
    private static final long VALUES = 2;
    private static final long LOOKUPS = 3;
    private static final long SECOND_PASS = 4;
    private static final long LINKS = 5;

    private final Store store;
    private final long randomSeed;

    public Seeder(Store store, long randomSeed) {
        this.store = store;
        this.randomSeed = randomSeed;
    }

    /** One table's generated rows, kept until every table is generated and the second pass is done. */
    private record Generated(Table table, long rowsBefore, UUID[] ids, Object[][] rows, List<Column> deferred) {
    }

    /**
     * Adds {@code count} generated rows to each named table, with links for the many-to-many
     * relationships of the seeded tables.
     *
     * @throws IllegalArgumentException for an unknown table or a negative count
     */
    public SeedResult seed(Map<String, Integer> counts) {
        long start = System.nanoTime();
        Schema schema = store.schema();
        Map<String, Integer> valid = SeedSpec.validate(counts, schema);
        Set<String> seeded = new LinkedHashSet<>();
        valid.forEach((table, n) -> {
            if (n > 0) {
                seeded.add(table);
            }
        });
        SeedPlan plan = SeedPlan.of(schema, seeded);
        Map<String, IdPool> pools = new HashMap<>();
        for (Table t : schema.tables()) {
            pools.put(t.logicalName(), new IdPool(store.table(t.logicalName())));
        }
        LookupValues lookups = new LookupValues(pools);

        List<Generated> generated = new ArrayList<>();
        for (Table t : plan.order()) {
            generated.add(generate(t, valid.get(t.logicalName()), pools, lookups, plan.deferred(t.logicalName())));
        }
        for (Generated g : generated) {
            fillDeferred(g, lookups);
        }
        Map<String, Integer> rows = new LinkedHashMap<>();
        for (Generated g : generated) {
            write(g);
            rows.put(g.table().logicalName(), g.ids().length);
        }
        Map<String, Long> links = new LinkedHashMap<>();
        for (ManyToMany m : schema.manyToMany()) {
            long added = link(m, seeded, generated, pools);
            if (added > 0) {
                links.put(m.schemaName(), added);
            }
        }
        return new SeedResult(rows, links, Duration.ofNanos(System.nanoTime() - start));
    }

    private Generated generate(Table t, int count, Map<String, IdPool> pools, LookupValues lookups,
            Set<String> deferredNames) {
        String name = t.logicalName();
        TableStore ts = store.table(name);
        IdPool pool = pools.get(name);
        long before = pool.existingCount();
        UUID[] ids = newIds(ts, count, random(name, before, IDS));
        pool.generated(ids);

        List<Column> immediate = new ArrayList<>();
        List<Column> deferred = new ArrayList<>();
        for (Column c : t.columns()) {
            if (c.type().isLookup()) {
                (deferredNames.contains(c.name()) ? deferred : immediate).add(c);
            }
        }
        int[] immediateSlots = immediate.stream().mapToInt(t::indexOf).toArray();
        TableValues values = new TableValues(t, new UniqueKeys(ts, before + count));
        RowDraft draft = new RowDraft(random(name, before, VALUES));
        SplittableRandom lookupRandom = random(name, before, LOOKUPS);
        int idSlot = t.primaryIdIndex();
        Object[][] rows = new Object[count][];
        for (int i = 0; i < count; i++) {
            Object[] v = new Object[t.columnCount()];
            v[idSlot] = ids[i];
            draft.next(before + i + 1);
            values.fill(v, draft);
            for (int k = 0; k < immediateSlots.length; k++) {
                v[immediateSlots[k]] = lookups.choose(name, immediate.get(k), i, lookupRandom);
            }
            rows[i] = v;
        }
        return new Generated(t, before, ids, rows, deferred);
    }

    /** The second pass: lookups whose targets were generated after this table. */
    private void fillDeferred(Generated g, LookupValues lookups) {
        if (g.deferred().isEmpty()) {
            return;
        }
        String name = g.table().logicalName();
        SplittableRandom random = random(name, g.rowsBefore(), SECOND_PASS);
        for (Column c : g.deferred()) {
            int slot = g.table().indexOf(c);
            for (int i = 0; i < g.rows().length; i++) {
                g.rows()[i][slot] = lookups.choose(name, c, i, random);
            }
        }
    }

    private void write(Generated g) {
        String name = g.table().logicalName();
        int versionSlot = g.table().indexOf(VERSION);
        Object[][] rows = g.rows();
        for (int from = 0; from < rows.length; from += ROWS_PER_TRANSACTION) {
            int first = from;
            int last = Math.min(rows.length, from + ROWS_PER_TRANSACTION);
            store.inTransaction(tx -> {
                for (int i = first; i < last; i++) {
                    if (versionSlot >= 0) {
                        rows[i][versionSlot] = store.nextVersion();
                    }
                    tx.put(name, new Row(g.ids()[i], rows[i]));
                    rows[i] = null;
                }
                return null;
            });
        }
    }

    /** Links the rows seeded on one side of {@code m} to a few random rows of the other side. */
    private long link(ManyToMany m, Set<String> seeded, List<Generated> generated, Map<String, IdPool> pools) {
        boolean firstDrives = seeded.contains(m.table1());
        String driver = firstDrives ? m.table1() : m.table2();
        String other = firstDrives ? m.table2() : m.table1();
        if (!seeded.contains(driver) || pools.get(other).isEmpty()) {
            return 0;
        }
        UUID[] driverIds = generated.stream().filter(g -> g.table().logicalName().equals(driver)).findFirst()
                .orElseThrow().ids();
        IdPool otherPool = pools.get(other);
        SplittableRandom random = random(m.schemaName(), pools.get(driver).existingCount(), LINKS);
        long added = 0;
        for (int from = 0; from < driverIds.length; from += ROWS_PER_TRANSACTION) {
            int first = from;
            int last = Math.min(driverIds.length, from + ROWS_PER_TRANSACTION);
            added += store.inTransaction(tx -> {
                long n = 0;
                for (int i = first; i < last; i++) {
                    int links = random.nextInt(MAX_LINKS_PER_ROW + 1);
                    for (int j = 0; j < links; j++) {
                        UUID to = otherPool.pick(random);
                        if (to.equals(driverIds[i])) {
                            continue;
                        }
                        UUID a = firstDrives ? driverIds[i] : to;
                        UUID b = firstDrives ? to : driverIds[i];
                        if (tx.associate(m.schemaName(), a, b)) {
                            n++;
                        }
                    }
                }
                return n;
            });
        }
        return added;
    }

    /** Random version 4 ids that no stored row of the table has. */
    private static UUID[] newIds(TableStore ts, int count, SplittableRandom random) {
        UUID[] ids = new UUID[count];
        for (int i = 0; i < count; i++) {
            UUID id;
            do {
                long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
                long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
                id = new UUID(msb, lsb);
            } while (ts.get(id).isPresent());
            ids[i] = id;
        }
        return ids;
    }

    /** A random stream for one purpose on one table, fixed by the seed and the rows already there. */
    private SplittableRandom random(String name, long rowsBefore, long purpose) {
        long h = randomSeed * 0x9E37_79B9_7F4A_7C15L + name.hashCode();
        h = h * 0xBF58_476D_1CE4_E5B9L + rowsBefore;
        h = h * 0x94D0_49BB_1331_11EBL + purpose;
        return new SplittableRandom(h ^ (h >>> 31));
    }
}
