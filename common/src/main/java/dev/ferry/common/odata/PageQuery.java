package dev.ferry.common.odata;

import java.util.List;
import java.util.Objects;

/**
 * What to read from an entity set.
 *
 * @param entitySet   the entity set
 * @param select      the properties to read ({@code $select}); empty reads all
 * @param filter      an OData {@code $filter} expression, or null
 * @param pageSize    records per page ({@code Prefer: odata.maxpagesize})
 * @param annotations whether to ask for every annotation ({@code odata.include-annotations="*"}),
 *                    which carries the target table of polymorphic lookups
 */
public record PageQuery(String entitySet, List<String> select, String filter, int pageSize, boolean annotations) {
    public PageQuery {
        Objects.requireNonNull(entitySet, "entitySet");
        select = select == null ? List.of() : List.copyOf(select);
    }
}
