package dev.ferry.emulator.seed;

import dev.ferry.emulator.schema.Column;
import dev.ferry.emulator.schema.ColumnType;
import dev.ferry.emulator.store.LookupValue;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Chooses lookup values that point only at rows that exist: a required lookup is always set
 * when its target has rows; a self-reference points at an earlier row (so hierarchies have no
 * loops) and is set for a minority of rows; polymorphic lookups are shared out over their
 * targets (owners mostly users, customers evenly between account and contact).
 */
final class LookupValues {
    /** Share of rows with a parent of their own table (account.parentaccountid, ...). */
    static final double SELF_REFERENCE_SHARE = 0.3;
    /** Share of rows whose optional lookups are set. */
    static final double OPTIONAL_SET_SHARE = 0.75;
    /** Share of owned rows owned by a user rather than a team, when both exist. */
    static final double USER_OWNER_SHARE = 0.8;

    private final Map<String, IdPool> pools;

    LookupValues(Map<String, IdPool> pools) {
        this.pools = pools;
    }

    /**
     * A value for lookup {@code column} of generated row {@code index} of {@code table}, or null.
     * Every target's pool must hold the rows the lookup may point at by then.
     */
    LookupValue choose(String table, Column column, int index, SplittableRandom random) {
        boolean selfOnly = column.targets().size() == 1 && column.targets().get(0).equals(table);
        double share = SeedPlan.required(column) ? 1.0 : selfOnly ? SELF_REFERENCE_SHARE : OPTIONAL_SET_SHARE;
        if (random.nextDouble() >= share) {
            return null;
        }
        String[] available = new String[column.targets().size()];
        int n = 0;
        for (String target : column.targets()) {
            IdPool pool = pools.get(target);
            boolean hasRows = target.equals(table) ? pool.countBefore(index) > 0 : !pool.isEmpty();
            if (hasRows) {
                available[n++] = target;
            }
        }
        if (n == 0) {
            return null;
        }
        String target = n == 1 ? available[0] : pickTarget(column, available, n, random);
        IdPool pool = pools.get(target);
        UUID id = target.equals(table) ? pool.pickBefore(random, index) : pool.pick(random);
        return new LookupValue(target, id);
    }

    private static String pickTarget(Column column, String[] available, int n, SplittableRandom random) {
        if (column.type() == ColumnType.OWNER) {
            return random.nextDouble() < USER_OWNER_SHARE ? available[0] : available[1 + random.nextInt(n - 1)];
        }
        return available[random.nextInt(n)];
    }
}
