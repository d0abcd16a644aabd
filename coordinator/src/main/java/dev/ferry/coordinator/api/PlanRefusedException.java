package dev.ferry.coordinator.api;

import dev.ferry.common.plan.PlanProblem;
import java.util.List;

/** A plan that cannot run, with every problem found. */
public class PlanRefusedException extends RuntimeException {

    private final List<PlanProblem> problems;

    public PlanRefusedException(List<PlanProblem> problems) {
        super("The plan has " + problems.size() + " problem(s); fix them all and send it again.");
        this.problems = List.copyOf(problems);
    }

    public List<PlanProblem> problems() {
        return problems;
    }
}
