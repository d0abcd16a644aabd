package dev.ferry.common.plan;

import dev.ferry.common.metadata.ServiceMetadata;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a plan against the configured environments and their metadata, and returns every
 * problem at once, so that a user fixes a plan in one round trip.
 *
 * <p>Checked: name, source and target present; environments configured and different; at least
 * one table, none twice; each entity set and selected column present in the source and in the
 * target; the key {@code primary} or an alternate key of the target whose columns the source
 * has; options within their bounds ({@link PlanOptions}).
 *
 * <p>Not checked here: the {@code filter} (its syntax and the columns it names are validated by
 * the source service when extraction starts; Ferry does not parse OData expressions), and
 * lookups to tables the plan leaves out (relationship rules come with the dependency graph).
 * Thread-safe.
 */
public final class PlanValidator {

    private final Set<String> configuredEnvironments;

    /** @param configuredEnvironments the environment names this service has a configuration for */
    public PlanValidator(Set<String> configuredEnvironments) {
        this.configuredEnvironments = Set.copyOf(configuredEnvironments);
    }

    /**
     * @param plan                  the plan to check
     * @param metadataByEnvironment the metadata of the plan's environments that could be read; a
     *                              configured environment missing from it is reported as
     *                              {@link ProblemCode#METADATA_UNAVAILABLE} and its side is not checked
     * @return every problem, in plan order; empty when the plan may run
     */
    public List<PlanProblem> validate(Plan plan, Map<String, ServiceMetadata> metadataByEnvironment) {
        List<PlanProblem> problems = new ArrayList<>();
        requireField(plan.name(), Locations.NAME, "a name for the run, e.g. \"prod-to-test\"", problems);
        boolean sourceUsable = checkEnvironment(plan.source(), Locations.SOURCE, "source", "to copy from", problems);
        boolean targetUsable = checkEnvironment(plan.target(), Locations.TARGET, "target", "to copy to", problems);
        if (sourceUsable && targetUsable && plan.source().equals(plan.target())) {
            problems.add(new PlanProblem(ProblemCode.SAME_SOURCE_AND_TARGET, Locations.TARGET,
                    "Source and target are both '" + plan.source() + "': a plan copies from one environment to"
                            + " another, and upserting records onto themselves would change nothing."
                            + " Name a different target."));
        }
        checkTableList(plan.tables(), problems);
        OptionChecks.check(plan.options(), problems);

        Optional<EnvironmentSide> source = side(plan.source(), sourceUsable, Locations.SOURCE, "source",
                metadataByEnvironment, problems).map(metadata -> EnvironmentSide.source(plan.source(), metadata));
        Optional<EnvironmentSide> target = side(plan.target(), targetUsable, Locations.TARGET, "target",
                metadataByEnvironment, problems).map(metadata -> EnvironmentSide.target(plan.target(), metadata));
        TableChecks tableChecks = new TableChecks(source, target, problems);
        for (int index = 0; index < plan.tables().size(); index++) {
            TableSpec table = plan.tables().get(index);
            if (table != null && !isBlank(table.entitySet())) {
                tableChecks.check(index, table);
            }
        }
        return problems;
    }

    /** Whether the environment is named and configured, so that its metadata can be asked for. */
    private boolean checkEnvironment(String environment, String location, String role, String purpose,
                                     List<PlanProblem> problems) {
        if (!requireField(environment, location, "the environment " + purpose, problems)) {
            return false;
        }
        if (!configuredEnvironments.contains(environment)) {
            problems.add(new PlanProblem(ProblemCode.UNKNOWN_ENVIRONMENT, location,
                    "The " + role + " environment '" + environment + "' is not configured."
                            + Suggestions.didYouMean(environment, configuredEnvironments)
                            + " Configured environments: " + String.join(", ", new TreeSet<>(configuredEnvironments))
                            + ". Use one of them, or configure it (ferry.environments." + environment + ".url)."));
            return false;
        }
        return true;
    }

    private static Optional<ServiceMetadata> side(String environment, boolean usable, String location, String role,
                                                  Map<String, ServiceMetadata> metadataByEnvironment,
                                                  List<PlanProblem> problems) {
        if (!usable) {
            return Optional.empty();
        }
        ServiceMetadata metadata = metadataByEnvironment.get(environment);
        if (metadata == null) {
            problems.add(new PlanProblem(ProblemCode.METADATA_UNAVAILABLE, location,
                    "The $metadata of " + role + " environment '" + environment + "' could not be read, so the"
                            + " tables were not checked against it. Check the environment's URL and credentials,"
                            + " then validate again."));
        }
        return Optional.ofNullable(metadata);
    }

    private static void checkTableList(List<TableSpec> tables, List<PlanProblem> problems) {
        if (tables.isEmpty()) {
            problems.add(new PlanProblem(ProblemCode.NO_TABLES, Locations.TABLES,
                    "The plan has no tables. Add at least one, e.g. {\"entitySet\": \"accounts\"}."));
            return;
        }
        Map<String, Integer> firstIndexByEntitySet = new HashMap<>();
        for (int index = 0; index < tables.size(); index++) {
            TableSpec table = tables.get(index);
            if (table == null) {
                problems.add(new PlanProblem(ProblemCode.INVALID_VALUE, Locations.table(index),
                        "Table " + index + " is null. Remove it or give it an entitySet."));
                continue;
            }
            String entitySet = table.entitySet();
            String location = Locations.entitySet(index);
            if (!requireField(entitySet, location, "the entity set to copy, e.g. \"accounts\"", problems)) {
                continue;
            }
            Integer first = firstIndexByEntitySet.putIfAbsent(entitySet, index);
            if (first != null) {
                problems.add(new PlanProblem(ProblemCode.DUPLICATE_TABLE, location,
                        "Entity set '" + entitySet + "' is listed twice (also at " + Locations.table(first)
                                + "). List each table once, with all its columns in one select."));
            }
            checkSelectEntries(index, table, problems);
        }
    }

    private static void checkSelectEntries(int index, TableSpec table, List<PlanProblem> problems) {
        for (int column = 0; column < table.select().size(); column++) {
            if (isBlank(table.select().get(column))) {
                problems.add(new PlanProblem(ProblemCode.INVALID_VALUE, Locations.selectEntry(index, column),
                        "A selected column is null or blank. Name a column or remove the entry."));
            }
        }
    }

    /** Whether the field has a value; reports it missing otherwise. */
    private static boolean requireField(String value, String location, String what, List<PlanProblem> problems) {
        if (isBlank(value)) {
            problems.add(new PlanProblem(ProblemCode.MISSING_FIELD, location,
                    "'" + location.substring(location.lastIndexOf('/') + 1) + "' is missing or blank: give " + what
                            + "."));
            return false;
        }
        return true;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
