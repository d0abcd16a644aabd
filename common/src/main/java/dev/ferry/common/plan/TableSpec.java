package dev.ferry.common.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One table of a plan.
 *
 * @param entitySet     the entity set, named as in both source and target {@code $metadata}
 * @param select        the columns to copy (properties, or lookups by logical name); empty means all
 * @param filter        an OData {@code $filter} on the source, or {@code null}; not checked by
 *                      Ferry, the source validates it when the extraction starts
 * @param key           how target records are matched: {@value #PRIMARY_KEY}, or an alternate
 *                      key of the target named by its columns, comma-separated (see
 *                      {@link dev.ferry.common.metadata.AlternateKey})
 * @param deleteMissing whether target records absent from the source are deleted
 * @param lookups       a {@link LookupRule} by plan name ({@code keep}, {@code clear}, {@code reject}) per
 *                      lookup (logical name) whose target tables are not in the plan; a lookup left out is
 *                      {@code keep}. Checked by {@link PlanValidator}
 */
public record TableSpec(String entitySet, List<String> select, String filter, String key, boolean deleteMissing,
                        Map<String, String> lookups) {

    /** The key value that means the entity set's primary key; the default. */
    public static final String PRIMARY_KEY = "primary";

    public TableSpec {
        // Null entries are kept so that the validator can point at them.
        select = select == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(select));
        key = key == null ? PRIMARY_KEY : key;
        lookups = lookups == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(lookups));
    }

    /** A table without lookup rules. */
    public TableSpec(String entitySet, List<String> select, String filter, String key, boolean deleteMissing) {
        this(entitySet, select, filter, key, deleteMissing, Map.of());
    }

    /** The rule for one lookup (logical name): the plan's, or {@link LookupRule#KEEP}. */
    public LookupRule lookupRule(String lookupLogicalName) {
        String rule = lookups.get(lookupLogicalName);
        return rule == null ? LookupRule.KEEP : LookupRule.fromPlanName(rule).orElse(LookupRule.KEEP);
    }

    /** A table copied whole, matched by its primary key. */
    public static TableSpec of(String entitySet) {
        return new TableSpec(entitySet, List.of(), null, PRIMARY_KEY, false);
    }

    /** The table as JSON gives it: missing fields take their defaults. */
    @JsonCreator
    public static TableSpec fromJson(@JsonProperty("entitySet") String entitySet,
                                     @JsonProperty("select") List<String> select,
                                     @JsonProperty("filter") String filter,
                                     @JsonProperty("key") String key,
                                     @JsonProperty("deleteMissing") Boolean deleteMissing,
                                     @JsonProperty("lookups") Map<String, String> lookups) {
        return new TableSpec(entitySet, select, filter, key, Boolean.TRUE.equals(deleteMissing), lookups);
    }

    /** Whether every column is copied (no select given). */
    @JsonIgnore
    public boolean selectsAllColumns() {
        return select.isEmpty();
    }

    /** Whether target records are matched by the primary key. */
    @JsonIgnore
    public boolean usesPrimaryKey() {
        return PRIMARY_KEY.equals(key);
    }
}
