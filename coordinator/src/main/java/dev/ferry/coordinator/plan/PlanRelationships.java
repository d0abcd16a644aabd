package dev.ferry.coordinator.plan;

import dev.ferry.common.odata.ManyToManyRelationship;
import java.util.List;

/**
 * The many-to-many relationships of a plan's tables, as the source and the target describe them
 * ({@code EntityDefinitions(...)/ManyToManyRelationships}); empty for services without such metadata.
 *
 * @param source the source's relationships of every table of the plan, each once
 * @param target the target's relationships of every table of the plan, each once
 */
public record PlanRelationships(List<ManyToManyRelationship> source, List<ManyToManyRelationship> target) {

    public PlanRelationships {
        source = List.copyOf(source);
        target = List.copyOf(target);
    }

    /** No relationship on either side: nothing to associate. */
    public static PlanRelationships none() {
        return new PlanRelationships(List.of(), List.of());
    }
}
