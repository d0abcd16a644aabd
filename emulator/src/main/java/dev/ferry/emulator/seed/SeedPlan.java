package dev.ferry.emulator.seed;

import dev.ferry.emulator.schema.Column;
import dev.ferry.emulator.schema.RequiredLevel;
import dev.ferry.emulator.schema.Schema;
import dev.ferry.emulator.schema.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order in which tables are generated, targets of lookups first where possible, and the
 * lookups that must wait for a second pass because of a cycle (account.primarycontactid while
 * contact.parentcustomerid points at account). A cycle is broken at the first table, in schema
 * order, whose required lookups are all satisfied. Self-references never wait: a row points at
 * an earlier row of its own table.
 */
final class SeedPlan {
    private final List<Table> order;
    private final Map<String, Set<String>> deferred;

    private SeedPlan(List<Table> order, Map<String, Set<String>> deferred) {
        this.order = order;
        this.deferred = deferred;
    }

    static SeedPlan of(Schema schema, Set<String> seeded) {
        Set<Table> remaining = new LinkedHashSet<>();
        for (Table t : schema.tables()) {
            if (seeded.contains(t.logicalName())) {
                remaining.add(t);
            }
        }
        List<Table> order = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (!remaining.isEmpty()) {
            Table next = remaining.stream().filter(t -> ready(t, seeded, placed, false)).findFirst()
                    .or(() -> remaining.stream().filter(t -> ready(t, seeded, placed, true)).findFirst())
                    .orElse(remaining.iterator().next());
            remaining.remove(next);
            order.add(next);
            placed.add(next.logicalName());
        }
        Map<String, Set<String>> deferred = new HashMap<>();
        Set<String> before = new LinkedHashSet<>();
        for (Table t : order) {
            Set<String> later = new LinkedHashSet<>();
            for (Column c : t.columns()) {
                if (c.type().isLookup() && c.targets().stream()
                        .anyMatch(target -> !target.equals(t.logicalName()) && seeded.contains(target)
                                && !before.contains(target))) {
                    later.add(c.name());
                }
            }
            deferred.put(t.logicalName(), later);
            before.add(t.logicalName());
        }
        return new SeedPlan(List.copyOf(order), deferred);
    }

    /** Whether every (or every required) lookup target of {@code t} that is being seeded is placed. */
    private static boolean ready(Table t, Set<String> seeded, Set<String> placed, boolean requiredOnly) {
        for (Column c : t.columns()) {
            if (!c.type().isLookup() || requiredOnly && !required(c)) {
                continue;
            }
            for (String target : c.targets()) {
                if (!target.equals(t.logicalName()) && seeded.contains(target) && !placed.contains(target)) {
                    return false;
                }
            }
        }
        return true;
    }

    static boolean required(Column c) {
        return c.requiredLevel() == RequiredLevel.SystemRequired || c.requiredLevel() == RequiredLevel.ApplicationRequired;
    }

    List<Table> order() {
        return order;
    }

    /** Lookup columns of {@code table} filled in the second pass, once every table's rows exist. */
    Set<String> deferred(String table) {
        return deferred.getOrDefault(table, Set.of());
    }
}
