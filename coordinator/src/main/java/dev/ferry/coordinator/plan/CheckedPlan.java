package dev.ferry.coordinator.plan;

import dev.ferry.common.metadata.ServiceMetadata;
import dev.ferry.common.plan.Plan;
import dev.ferry.common.plan.PlanProblem;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A plan as read and validated, with the metadata it was validated against.
 *
 * @param plan     the plan, if the JSON could be read into one
 * @param problems every problem found; the plan may run only when there is none
 * @param metadata the metadata of the plan's environments that could be read, by environment
 * @param relationships the many-to-many relationships of the plan's tables in source and target
 *                 (read once the plan is otherwise valid; none before)
 */
public record CheckedPlan(Optional<Plan> plan, List<PlanProblem> problems, Map<String, ServiceMetadata> metadata,
                          PlanRelationships relationships) {

    public CheckedPlan {
        problems = List.copyOf(problems);
        metadata = Map.copyOf(metadata);
        relationships = relationships == null ? PlanRelationships.none() : relationships;
    }

    /** A plan checked without reading relationships. */
    public CheckedPlan(Optional<Plan> plan, List<PlanProblem> problems, Map<String, ServiceMetadata> metadata) {
        this(plan, problems, metadata, PlanRelationships.none());
    }

    /** Whether the plan may run. */
    public boolean isValid() {
        return plan.isPresent() && problems.isEmpty();
    }

    /** The layout of a valid plan. */
    public RunLayout layout() {
        if (!isValid()) {
            throw new IllegalStateException("Only a valid plan is laid out; this one has problems: " + problems);
        }
        Plan valid = plan.orElseThrow();
        return RunPlanner.layout(valid, metadata.get(valid.source()), metadata.get(valid.target()), relationships);
    }
}
