package dev.ferry.emulator.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A Dataverse table: its columns in a fixed order (the index of a column is its slot in a row). */
public final class Table {
    private final String logicalName;
    private final String entitySetName;
    private final String primaryId;
    private final String primaryName;
    private final boolean userOwned;
    private final boolean intersect;
    private final List<Column> columns;
    private final List<AlternateKey> alternateKeys;
    private final List<Relationship> lookupRelationships;
    private final Map<String, Integer> indexByName = new LinkedHashMap<>();
    private final Map<String, Integer> indexByProperty = new LinkedHashMap<>();
    private final Map<String, Relationship> relationshipByNavigation = new LinkedHashMap<>();

    public Table(String logicalName, String entitySetName, String primaryId, String primaryName,
            boolean userOwned, List<Column> columns, List<AlternateKey> alternateKeys,
            List<Relationship> lookupRelationships) {
        this(logicalName, entitySetName, primaryId, primaryName, userOwned, columns, alternateKeys,
                lookupRelationships, false);
    }

    /** A table, or with {@code intersect} the read-only intersect table of a many-to-many relationship. */
    public Table(String logicalName, String entitySetName, String primaryId, String primaryName,
            boolean userOwned, List<Column> columns, List<AlternateKey> alternateKeys,
            List<Relationship> lookupRelationships, boolean intersect) {
        this.intersect = intersect;
        this.logicalName = logicalName;
        this.entitySetName = entitySetName;
        this.primaryId = primaryId;
        this.primaryName = primaryName;
        this.userOwned = userOwned;
        this.columns = List.copyOf(columns);
        this.alternateKeys = List.copyOf(alternateKeys);
        this.lookupRelationships = List.copyOf(lookupRelationships);
        for (int i = 0; i < this.columns.size(); i++) {
            Column c = this.columns.get(i);
            if (indexByName.put(c.name(), i) != null) {
                throw new IllegalArgumentException("table " + logicalName + " declares column " + c.name() + " twice");
            }
            indexByProperty.put(c.propertyName(), i);
        }
        if (!indexByName.containsKey(primaryId)) {
            throw new IllegalArgumentException("table " + logicalName + " lacks its primary id column " + primaryId);
        }
        for (Relationship r : this.lookupRelationships) {
            relationshipByNavigation.put(r.referencingNavigation() + "|" + r.referencedTable(), r);
        }
    }

    public String logicalName() { return logicalName; }
    public String entitySetName() { return entitySetName; }
    public String primaryId() { return primaryId; }
    public String primaryName() { return primaryName; }
    public boolean userOwned() { return userOwned; }

    /** Whether this is a many-to-many intersect table: read-only, its rows follow the associations. */
    public boolean isIntersect() { return intersect; }
    public List<Column> columns() { return columns; }
    public List<AlternateKey> alternateKeys() { return alternateKeys; }

    /** The relationships of this table's lookup columns, one per lookup target. */
    public List<Relationship> lookupRelationships() { return lookupRelationships; }

    public int columnCount() { return columns.size(); }

    public Optional<Column> column(String logicalName) {
        Integer i = indexByName.get(logicalName);
        return i == null ? Optional.empty() : Optional.of(columns.get(i));
    }

    /** The column published under an OData property name ({@code _x_value} for lookups). */
    public Optional<Column> columnByProperty(String propertyName) {
        Integer i = indexByProperty.get(propertyName);
        return i == null ? Optional.empty() : Optional.of(columns.get(i));
    }

    /** Slot of a column in a row; -1 when the table has no such column. */
    public int indexOf(String logicalName) {
        return indexByName.getOrDefault(logicalName, -1);
    }

    public int indexOf(Column column) {
        return indexOf(column.name());
    }

    public int primaryIdIndex() {
        return indexOf(primaryId);
    }

    /** Relationships whose single-valued navigation property on this table has the given name. */
    public List<Relationship> relationshipsByNavigation(String navigationProperty) {
        return lookupRelationships.stream()
                .filter(r -> r.referencingNavigation().equals(navigationProperty))
                .toList();
    }

    /** The relationship of a lookup column towards one target table. */
    public Optional<Relationship> relationship(String attribute, String targetTable) {
        return lookupRelationships.stream()
                .filter(r -> r.referencingAttribute().equals(attribute) && r.referencedTable().equals(targetTable))
                .findFirst();
    }

    public Map<String, Integer> columnIndexes() {
        return Collections.unmodifiableMap(indexByName);
    }

    @Override
    public String toString() {
        return logicalName;
    }
}
