package dev.ferry.common.plan;

import java.util.Objects;

/**
 * One thing wrong with a plan.
 *
 * @param code     what is wrong, for machines
 * @param location where, as a JSON pointer into the plan, e.g. {@code /tables/1/select/2};
 *                 {@code ""} for the plan as a whole
 * @param message  what is wrong and what to do about it, for people
 */
public record PlanProblem(ProblemCode code, String location, String message) {

    public PlanProblem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }
}
