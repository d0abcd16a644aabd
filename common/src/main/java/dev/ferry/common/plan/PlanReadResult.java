package dev.ferry.common.plan;

import java.util.List;
import java.util.Optional;

/**
 * What {@link PlanReader} made of a JSON document: the plan when it could be read (possibly
 * with problems, such as unknown fields, that still refuse it) and the problems found.
 */
public final class PlanReadResult {

    private final Plan plan;
    private final List<PlanProblem> problems;

    PlanReadResult(Plan plan, List<PlanProblem> problems) {
        this.plan = plan;
        this.problems = List.copyOf(problems);
    }

    /** The plan, if the JSON could be read into one at all. */
    public Optional<Plan> plan() {
        return Optional.ofNullable(plan);
    }

    /** Every problem found while reading; the plan is refused unless this is empty. */
    public List<PlanProblem> problems() {
        return problems;
    }
}
