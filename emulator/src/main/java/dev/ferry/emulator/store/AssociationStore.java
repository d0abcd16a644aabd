package dev.ferry.emulator.store;

import dev.ferry.emulator.schema.ManyToMany;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** The associations (intersect rows) of one many-to-many relationship, indexed from both sides. */
public final class AssociationStore {
    private final ManyToMany relationship;
    private final ConcurrentHashMap<UUID, Set<UUID>> byFirst = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<UUID, Set<UUID>> bySecond = new ConcurrentHashMap<>();

    AssociationStore(ManyToMany relationship) {
        this.relationship = relationship;
    }

    public ManyToMany relationship() {
        return relationship;
    }

    /** Ids related to {@code id}, which is a row of {@code fromTable}, sorted by id. */
    public List<UUID> related(String fromTable, UUID id) {
        Set<UUID> first = byFirst.getOrDefault(id, Set.of());
        if (relationship.selfReferencing()) {
            Set<UUID> second = bySecond.getOrDefault(id, Set.of());
            return Stream.concat(first.stream(), second.stream()).distinct().sorted(Ids.ORDER).toList();
        }
        Set<UUID> ids = fromTable.equals(relationship.table1()) ? first : bySecond.getOrDefault(id, Set.of());
        return ids.stream().sorted(Ids.ORDER).toList();
    }

    public boolean contains(UUID first, UUID second) {
        return byFirst.getOrDefault(first, Set.of()).contains(second);
    }

    public long size() {
        return byFirst.values().stream().mapToLong(Set::size).sum();
    }

    /** Every association as (table1 id, table2 id), ordered, for exports. */
    public Stream<UUID[]> pairs() {
        return byFirst.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(s -> new UUID[] {e.getKey(), s}))
                .sorted(Comparator.<UUID[], UUID>comparing(p -> p[0], Ids.ORDER).thenComparing(p -> p[1], Ids.ORDER));
    }

    boolean add(UUID first, UUID second) {
        boolean added = byFirst.computeIfAbsent(first, k -> ConcurrentHashMap.newKeySet()).add(second);
        bySecond.computeIfAbsent(second, k -> ConcurrentHashMap.newKeySet()).add(first);
        return added;
    }

    boolean remove(UUID first, UUID second) {
        Set<UUID> s = byFirst.get(first);
        boolean removed = s != null && s.remove(second);
        Set<UUID> f = bySecond.get(second);
        if (f != null) {
            f.remove(first);
        }
        return removed;
    }

    /** Removes every association of a deleted row; returns the pairs removed so a rollback can restore them. */
    List<UUID[]> removeAllOf(String table, UUID id) {
        List<UUID[]> removed = new java.util.ArrayList<>();
        if (table.equals(relationship.table1())) {
            for (UUID second : List.copyOf(byFirst.getOrDefault(id, Set.of()))) {
                remove(id, second);
                removed.add(new UUID[] {id, second});
            }
        }
        if (table.equals(relationship.table2())) {
            for (UUID first : List.copyOf(bySecond.getOrDefault(id, Set.of()))) {
                remove(first, id);
                removed.add(new UUID[] {first, id});
            }
        }
        return removed;
    }

    void clear() {
        byFirst.clear();
        bySecond.clear();
    }
}
