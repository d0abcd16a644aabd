package dev.ferry.common.metadata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An entity set (a table, in Ferry's words) with its type and the relationships that leave it.
 *
 * @param name          the entity set name as it appears in URLs, e.g. {@code accounts}
 * @param entityType    its entity type, inheritance merged
 * @param lookups       single-valued navigations with a referential constraint, in declared order
 * @param manyToMany    collection navigations whose partner is a collection
 * @param alternateKeys alternate keys of the type and of the set
 */
public record EntitySetInfo(String name, EntityTypeInfo entityType, List<Lookup> lookups, List<ManyToMany> manyToMany,
                            List<AlternateKey> alternateKeys) {

    public EntitySetInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(entityType, "entityType");
        lookups = List.copyOf(lookups);
        manyToMany = List.copyOf(manyToMany);
        alternateKeys = List.copyOf(alternateKeys);
    }

    /** The primary key's property names. */
    public List<String> keyPropertyNames() {
        return entityType.keyPropertyNames();
    }

    /**
     * The properties that identify a record in payloads: Dataverse keys systemuser and team on the
     * {@code ownerid} they inherit from {@code principal}, but their records carry their id as
     * {@code <logicalname>id}, so that property wins when the type has it; otherwise the key.
     */
    public List<String> recordIdProperties() {
        String ownId = entityType.name() + "id";
        if (keyPropertyNames().size() == 1 && property(ownId).isPresent()) {
            return List.of(ownId);
        }
        return keyPropertyNames();
    }

    /** The structural property of that name, if any. */
    public Optional<PropertyInfo> property(String propertyName) {
        return entityType.property(propertyName);
    }

    /**
     * Whether a plan may name this column: a structural property, or a lookup's logical name
     * ({@code parentcustomerid} for Dataverse's {@code _parentcustomerid_value}).
     */
    public boolean hasColumn(String column) {
        return entityType.properties().containsKey(column) || lookupColumn(column).isPresent();
    }

    /** The lookup through that navigation property, if any. */
    public Optional<Lookup> lookup(String navigationProperty) {
        return lookups.stream().filter(lookup -> lookup.navigationProperty().equals(navigationProperty)).findFirst();
    }

    /** The lookups grouped by their foreign-key property, in declared order: several per polymorphic lookup. */
    public List<LookupColumn> lookupColumns() {
        Map<String, List<Lookup>> byForeignKey = new LinkedHashMap<>();
        for (Lookup lookup : lookups) {
            byForeignKey.computeIfAbsent(lookup.foreignKeyProperty(), key -> new ArrayList<>()).add(lookup);
        }
        List<LookupColumn> columns = new ArrayList<>();
        byForeignKey.forEach((foreignKey, group) -> columns.add(new LookupColumn(foreignKey, group)));
        return columns;
    }

    /** The lookup column with that foreign-key property or logical name, if any. */
    public Optional<LookupColumn> lookupColumn(String foreignKeyOrLogicalName) {
        return lookupColumns().stream()
                .filter(column -> column.foreignKeyProperty().equals(foreignKeyOrLogicalName)
                        || column.logicalName().equals(foreignKeyOrLogicalName))
                .findFirst();
    }

    /** The alternate key a plan names (see {@link AlternateKey#matches(String)}), if any. */
    public Optional<AlternateKey> alternateKey(String keyName) {
        return alternateKeys.stream().filter(key -> key.matches(keyName)).findFirst();
    }
}
