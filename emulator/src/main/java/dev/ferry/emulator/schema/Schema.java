package dev.ferry.emulator.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The tables and many-to-many relationships an emulated environment serves. */
public final class Schema {
    private final String name;
    private final Map<String, Table> byLogicalName = new LinkedHashMap<>();
    private final Map<String, Table> byEntitySet = new LinkedHashMap<>();
    private final List<ManyToMany> manyToMany;

    public Schema(String name, List<Table> tables, List<ManyToMany> manyToMany) {
        this.name = name;
        java.util.Set<String> intersects = new java.util.HashSet<>();
        manyToMany.stream().filter(ManyToMany::hasIntersectTable).forEach(m -> intersects.add(m.intersectEntity()));
        List<Table> all = new java.util.ArrayList<>();
        // A table read from a document under an intersect name is replaced by the synced intersect table.
        tables.stream().filter(t -> !intersects.contains(t.logicalName())).forEach(all::add);
        manyToMany.stream().filter(ManyToMany::hasIntersectTable).forEach(m -> all.add(m.intersectTable()));
        for (Table t : all) {
            if (byLogicalName.put(t.logicalName(), t) != null) {
                throw new IllegalArgumentException("schema " + name + " declares table " + t.logicalName() + " twice");
            }
            byEntitySet.put(t.entitySetName(), t);
        }
        for (Table t : all) {
            for (Relationship r : t.lookupRelationships()) {
                if (!byLogicalName.containsKey(r.referencedTable())) {
                    throw new IllegalArgumentException("lookup " + t.logicalName() + "." + r.referencingAttribute()
                            + " targets table " + r.referencedTable() + " which schema " + name + " lacks");
                }
            }
        }
        for (ManyToMany m : manyToMany) {
            if (!byLogicalName.containsKey(m.table1()) || !byLogicalName.containsKey(m.table2())) {
                throw new IllegalArgumentException("many-to-many " + m.schemaName() + " names a table schema "
                        + name + " lacks");
            }
        }
        this.manyToMany = List.copyOf(manyToMany);
    }

    public String name() { return name; }

    public List<Table> tables() { return List.copyOf(byLogicalName.values()); }

    public Optional<Table> table(String logicalName) {
        return Optional.ofNullable(byLogicalName.get(logicalName));
    }

    public Optional<Table> tableByEntitySet(String entitySetName) {
        return Optional.ofNullable(byEntitySet.get(entitySetName));
    }

    public List<ManyToMany> manyToMany() { return manyToMany; }

    /** The many-to-many relationship whose intersect table is {@code intersectEntity}. */
    public Optional<ManyToMany> manyToManyByIntersect(String intersectEntity) {
        return manyToMany.stream().filter(m -> m.hasIntersectTable() && m.intersectEntity().equals(intersectEntity))
                .findFirst();
    }

    public Optional<ManyToMany> manyToMany(String schemaName) {
        return manyToMany.stream().filter(m -> m.schemaName().equals(schemaName)).findFirst();
    }

    /** Many-to-many relationships with {@code table} on at least one side. */
    public List<ManyToMany> manyToManyOf(String table) {
        return manyToMany.stream().filter(m -> m.involves(table)).toList();
    }

    /** Every lookup relationship that points at {@code table}, across all tables. */
    public List<Relationship> relationshipsReferencing(String table) {
        return byLogicalName.values().stream()
                .flatMap(t -> t.lookupRelationships().stream())
                .filter(r -> r.referencedTable().equals(table))
                .toList();
    }
}
