package dev.ferry.common.odata;

import java.util.Objects;

/**
 * A Dataverse many-to-many relationship as its metadata describes it
 * ({@code EntityDefinitions(LogicalName='account')/ManyToManyRelationships}): the two tables, the
 * intersect table that holds one row per association, and the navigation properties that write one.
 *
 * @param schemaName                    e.g. {@code accountleads_association}
 * @param entity1LogicalName            e.g. {@code account}
 * @param entity1IntersectAttribute     the intersect table's column holding entity 1's id, e.g. {@code accountid}
 * @param entity1NavigationPropertyName the collection navigation on entity 1, e.g. {@code accountleads_association}
 * @param entity2LogicalName            e.g. {@code lead}
 * @param entity2IntersectAttribute     e.g. {@code leadid}
 * @param entity2NavigationPropertyName the collection navigation on entity 2
 * @param intersectEntityName           the intersect table's logical name, e.g. {@code accountleads}
 */
public record ManyToManyRelationship(String schemaName, String entity1LogicalName, String entity1IntersectAttribute,
                                     String entity1NavigationPropertyName, String entity2LogicalName,
                                     String entity2IntersectAttribute, String entity2NavigationPropertyName,
                                     String intersectEntityName) {

    public ManyToManyRelationship {
        Objects.requireNonNull(schemaName, "schemaName");
        Objects.requireNonNull(entity1LogicalName, "entity1LogicalName");
        Objects.requireNonNull(entity2LogicalName, "entity2LogicalName");
        Objects.requireNonNull(intersectEntityName, "intersectEntityName");
    }
}
