package dev.ferry.coordinator.plan;

import dev.ferry.common.contract.AssociationTarget;
import dev.ferry.common.contract.LoadPass;
import dev.ferry.common.metadata.EntitySetInfo;
import dev.ferry.common.metadata.ManyToMany;
import dev.ferry.common.metadata.ServiceMetadata;
import dev.ferry.common.odata.ManyToManyRelationship;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The associations entries of a plan: one per many-to-many relationship whose two tables are in the
 * plan and which the target has too (same schema name, and the navigation property on the target's
 * entity set). Each extracts the relationship's intersect table (its row id and the two sides' ids)
 * and is released once both sides' rows are loaded. The relationships it leaves out are told in notes.
 *
 * @param entries  the associations entries, in the order the relationships were found
 * @param notes    one line for the relationships a side of which is not in the plan, one for those
 *                 the target lacks; none when every relationship is copied
 */
record AssociationEntries(List<TableLayout> entries, List<String> notes) {

    AssociationEntries {
        entries = List.copyOf(entries);
        notes = List.copyOf(notes);
    }

    /**
     * @param tables        the plan's tables (entity sets, the same in source and target), in plan order
     * @param source        the source's metadata
     * @param target        the target's metadata
     * @param relationships the plan's tables' relationships on both sides
     */
    static AssociationEntries of(List<String> tables, ServiceMetadata source, ServiceMetadata target,
                                 PlanRelationships relationships) {
        Map<String, String> tableOfLogicalName = new LinkedHashMap<>();
        for (String table : tables) {
            source.entitySet(table).ifPresent(set -> tableOfLogicalName.putIfAbsent(set.entityType().name(), table));
        }
        List<TableLayout> entries = new ArrayList<>();
        List<String> outsidePlan = new ArrayList<>();
        List<String> notInTarget = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (ManyToManyRelationship relationship : relationships.source()) {
            if (!seen.add(relationship.schemaName())) {
                continue;
            }
            String side1 = tableOfLogicalName.get(relationship.entity1LogicalName());
            String side2 = tableOfLogicalName.get(relationship.entity2LogicalName());
            String describe = relationship.schemaName() + " (" + relationship.entity1LogicalName() + " ↔ "
                    + relationship.entity2LogicalName() + ")";
            if (side1 == null || side2 == null) {
                outsidePlan.add(describe);
                continue;
            }
            Optional<EntitySetInfo> intersect = intersectSet(source, relationship.intersectEntityName());
            if (intersect.isEmpty()) {
                notInTarget.add(describe + ": the source serves no entity set of its intersect table "
                        + relationship.intersectEntityName());
                continue;
            }
            Optional<String> missing = missingInTarget(relationship, side1, target, relationships);
            if (missing.isPresent()) {
                notInTarget.add(describe + ": " + missing.get());
                continue;
            }
            entries.add(entry(relationship, intersect.get(), side1, side2, tables));
        }
        List<String> notes = new ArrayList<>();
        if (!outsidePlan.isEmpty()) {
            notes.add("Many-to-many relationships not copied, as one of their tables is not in the plan (add it to"
                    + " copy them): " + String.join(", ", outsidePlan) + ".");
        }
        if (!notInTarget.isEmpty()) {
            notes.add("Many-to-many relationships not copied, as the environments differ: "
                    + String.join("; ", notInTarget) + ".");
        }
        return new AssociationEntries(entries, notes);
    }

    /** The associations the entries copy, as their releases carry them. */
    List<AssociationTarget> associations() {
        return entries.stream().map(TableLayout::association).toList();
    }

    private static TableLayout entry(ManyToManyRelationship relationship, EntitySetInfo intersect, String side1,
                                     String side2, List<String> tables) {
        // The record id keys the data topic (as the extractor picks it); the two ids are what is associated.
        Set<String> select = new LinkedHashSet<>(intersect.recordIdProperties());
        select.add(relationship.entity1IntersectAttribute());
        select.add(relationship.entity2IntersectAttribute());
        List<String> sides = tables.stream().filter(table -> table.equals(side1) || table.equals(side2)).toList();
        AssociationTarget association = new AssociationTarget(relationship.schemaName(), side1,
                relationship.entity1NavigationPropertyName(), relationship.entity1IntersectAttribute(), side2,
                relationship.entity2IntersectAttribute());
        return new TableLayout(AssociationPass.of(relationship.schemaName()), intersect.name(), LoadPass.ASSOCIATIONS,
                List.copyOf(select), sides, sides, List.of(), association, List.of());
    }

    private static Optional<EntitySetInfo> intersectSet(ServiceMetadata source, String intersectEntityName) {
        return source.entitySets().values().stream()
                .filter(set -> set.entityType().name().equals(intersectEntityName))
                .findFirst();
    }

    /** Why the target cannot take the relationship's associations, if it cannot. */
    private static Optional<String> missingInTarget(ManyToManyRelationship relationship, String side1,
                                                    ServiceMetadata target, PlanRelationships relationships) {
        boolean known = relationships.target().stream()
                .anyMatch(candidate -> candidate.schemaName().equals(relationship.schemaName()));
        if (!known) {
            return Optional.of("the target has no relationship of that schema name");
        }
        boolean navigable = target.entitySet(side1).stream()
                .flatMap(set -> set.manyToMany().stream())
                .map(ManyToMany::navigationProperty)
                .anyMatch(relationship.entity1NavigationPropertyName()::equals);
        return navigable ? Optional.empty() : Optional.of("the target's " + side1 + " has no navigation property "
                + relationship.entity1NavigationPropertyName());
    }
}
