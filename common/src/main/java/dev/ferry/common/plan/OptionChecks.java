package dev.ferry.common.plan;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Checks each option of a plan against the bounds {@link PlanOptions} documents. */
final class OptionChecks {

    private OptionChecks() {
    }

    static void check(PlanOptions options, List<PlanProblem> problems) {
        checkRange("pageSize", options.pageSize(), PlanOptions.MIN_PAGE_SIZE, PlanOptions.MAX_PAGE_SIZE,
                PlanOptions.DEFAULT_PAGE_SIZE, problems);
        checkRange("batchSize", options.batchSize(), PlanOptions.MIN_BATCH_SIZE, PlanOptions.MAX_BATCH_SIZE,
                PlanOptions.DEFAULT_BATCH_SIZE, problems);
        checkRange("maxConcurrency", options.maxConcurrency(), PlanOptions.MIN_MAX_CONCURRENCY,
                PlanOptions.MAX_MAX_CONCURRENCY, PlanOptions.DEFAULT_MAX_CONCURRENCY, problems);
        if (Schedule.fromPlanName(options.schedule()).isEmpty()) {
            problems.add(new PlanProblem(ProblemCode.INVALID_VALUE, Locations.option("schedule"),
                    "schedule '" + options.schedule() + "' does not exist. Use one of: "
                            + Arrays.stream(Schedule.values()).map(Schedule::planName).collect(Collectors.joining(", "))
                            + ", or leave it out for the default " + PlanOptions.DEFAULT_SCHEDULE.planName() + "."));
        }
    }

    private static void checkRange(String option, int value, int min, int max, int defaultValue,
                                   List<PlanProblem> problems) {
        if (value < min || value > max) {
            problems.add(new PlanProblem(ProblemCode.OPTION_OUT_OF_RANGE, Locations.option(option),
                    option + " " + value + " is out of range. Use " + min + " to " + max + ", or leave it out for the"
                            + " default " + defaultValue + "."));
        }
    }
}
