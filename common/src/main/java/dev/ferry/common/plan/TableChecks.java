package dev.ferry.common.plan;

import dev.ferry.common.metadata.AlternateKey;
import dev.ferry.common.metadata.EntitySetInfo;
import dev.ferry.common.metadata.LookupColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Checks one table of a plan against the metadata of the sides that are known. */
final class TableChecks {

    private final Optional<EnvironmentSide> source;
    private final Optional<EnvironmentSide> target;
    private final List<PlanProblem> problems;

    TableChecks(Optional<EnvironmentSide> source, Optional<EnvironmentSide> target, List<PlanProblem> problems) {
        this.source = source;
        this.target = target;
        this.problems = problems;
    }

    void check(int index, TableSpec table) {
        checkLookupRuleNames(index, table);
        Optional<EntitySetInfo> sourceSet = source.flatMap(side -> checkSide(index, table, side));
        source.ifPresent(side -> sourceSet.ifPresent(set -> checkLookupRuleColumns(index, table, side, set)));
        Optional<EntitySetInfo> targetSet = target.flatMap(side -> checkSide(index, table, side));
        if (!table.usesPrimaryKey()) {
            target.ifPresent(side -> targetSet.ifPresent(set -> checkKey(index, table, side, set, sourceSet)));
        }
    }

    /** The entity set and the selected columns on one side; the set, if it exists there. */
    private Optional<EntitySetInfo> checkSide(int index, TableSpec table, EnvironmentSide side) {
        Optional<EntitySetInfo> set = side.metadata().entitySet(table.entitySet());
        if (set.isEmpty()) {
            problems.add(new PlanProblem(side.unknownEntitySet(), Locations.entitySet(index),
                    "Entity set '" + table.entitySet() + "' does not exist in " + side.describe() + "."
                            + Suggestions.didYouMean(table.entitySet(), side.metadata().entitySets().keySet())
                            + " Use the entity set name of its $metadata (case-sensitive, usually plural)."));
            return set;
        }
        List<String> select = table.select();
        for (int column = 0; column < select.size(); column++) {
            String name = select.get(column);
            if (name != null && !name.isBlank() && !set.get().hasColumn(name)) {
                problems.add(new PlanProblem(side.unknownColumn(), Locations.selectEntry(index, column),
                        "Column '" + name + "' does not exist in '" + table.entitySet() + "' of " + side.describe()
                                + "." + Suggestions.didYouMean(name, columnNames(set.get()))
                                + " Use a property name of its $metadata, or a lookup's logical name"
                                + " (e.g. 'parentcustomerid' for '_parentcustomerid_value'), or remove it."));
            }
        }
        return set;
    }

    private void checkLookupRuleNames(int index, TableSpec table) {
        table.lookups().forEach((lookup, rule) -> {
            if (LookupRule.fromPlanName(rule).isEmpty()) {
                problems.add(new PlanProblem(ProblemCode.UNKNOWN_LOOKUP_RULE, Locations.lookupRule(index, lookup),
                        "Lookup rule '" + rule + "' for '" + lookup + "' of '" + table.entitySet()
                                + "' does not exist. Use keep (bind when the row exists in the target), clear"
                                + " (write it empty) or reject (dead-letter the record)."));
            }
        });
    }

    private void checkLookupRuleColumns(int index, TableSpec table, EnvironmentSide side, EntitySetInfo set) {
        List<String> lookupNames = set.lookupColumns().stream().map(LookupColumn::logicalName).toList();
        for (String lookup : table.lookups().keySet()) {
            if (!lookupNames.contains(lookup)) {
                problems.add(new PlanProblem(ProblemCode.UNKNOWN_LOOKUP, Locations.lookupRule(index, lookup),
                        "'" + lookup + "' is not a lookup of '" + table.entitySet() + "' in " + side.describe() + "."
                                + Suggestions.didYouMean(lookup, lookupNames) + " Name a lookup by its logical name ("
                                + (lookupNames.isEmpty() ? "this table has none" : String.join(", ", lookupNames))
                                + ")."));
            }
        }
    }

    private void checkKey(int index, TableSpec table, EnvironmentSide target, EntitySetInfo targetSet,
                          Optional<EntitySetInfo> sourceSet) {
        String location = Locations.key(index);
        Optional<AlternateKey> key = targetSet.alternateKey(table.key());
        if (key.isEmpty()) {
            problems.add(new PlanProblem(ProblemCode.UNKNOWN_KEY, location,
                    "Key '" + table.key() + "' is not an alternate key of '" + table.entitySet() + "' in "
                            + target.describe() + ". Use '" + TableSpec.PRIMARY_KEY + "'" + alternatives(targetSet)
                            + "."));
            return;
        }
        sourceSet.ifPresent(set -> {
            for (String property : key.get().propertyNames()) {
                if (set.property(property).isEmpty()) {
                    problems.add(new PlanProblem(ProblemCode.KEY_COLUMN_NOT_IN_SOURCE, location,
                            "Alternate key '" + key.get().name() + "' needs column '" + property + "', which '"
                                    + table.entitySet() + "' of " + source.orElseThrow().describe()
                                    + " does not have, so the source cannot provide the key's values. Use '"
                                    + TableSpec.PRIMARY_KEY + "' or a key whose columns the source has."));
                }
            }
        });
    }

    private static String alternatives(EntitySetInfo set) {
        if (set.alternateKeys().isEmpty()) {
            return " (the entity set has no alternate keys)";
        }
        return " or one of its alternate keys, named by their columns: " + set.alternateKeys().stream()
                .map(key -> "'" + key.name() + "'").collect(Collectors.joining(", "));
    }

    private static List<String> columnNames(EntitySetInfo set) {
        List<String> names = new ArrayList<>(set.entityType().properties().keySet());
        set.lookupColumns().stream().map(LookupColumn::logicalName).forEach(names::add);
        return names;
    }
}
