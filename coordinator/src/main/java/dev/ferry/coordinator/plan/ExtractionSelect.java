package dev.ferry.coordinator.plan;

import dev.ferry.common.metadata.EntitySetInfo;
import dev.ferry.common.metadata.Lookup;
import dev.ferry.common.metadata.LookupColumn;
import dev.ferry.common.metadata.ServiceMetadata;
import dev.ferry.common.plan.TableSpec;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The columns an extraction asks the source for ({@code $select}): what the plan selects, plus
 * what the load needs whatever the plan says: the key that matches target records and the
 * foreign key of every lookup to a table of the plan (self-references included: the record's
 * parent is written too). A plan that selects nothing extracts every column (an empty list).
 */
public final class ExtractionSelect {

    private ExtractionSelect() {
    }

    /**
     * @param table      the plan's table
     * @param source     the table's source entity set
     * @param metadata   the source's metadata (to resolve lookups without a bound entity set)
     * @param keyColumns the columns of the key target records are matched by (the primary key's,
     *                   or the alternate key's of the target)
     * @param planTables the entity sets of every table of the plan
     * @return the property names to select, without duplicates: key columns first, then the
     *         plan's columns (a lookup named by its logical name becomes its foreign-key property,
     *         e.g. {@code parentcustomerid} → {@code _parentcustomerid_value}), then lookups
     */
    public static List<String> of(TableSpec table, EntitySetInfo source, ServiceMetadata metadata,
                                  List<String> keyColumns, Set<String> planTables) {
        if (table.selectsAllColumns()) {
            return List.of();
        }
        Set<String> columns = new LinkedHashSet<>(keyColumns);
        for (String column : table.select()) {
            columns.add(source.entityType().properties().containsKey(column) ? column
                    : source.lookupColumn(column).map(LookupColumn::foreignKeyProperty).orElse(column));
        }
        for (Lookup lookup : source.lookups()) {
            if (LookupTargets.of(lookup, metadata).stream().anyMatch(planTables::contains)) {
                columns.add(lookup.foreignKeyProperty());
            }
        }
        return List.copyOf(columns);
    }
}
