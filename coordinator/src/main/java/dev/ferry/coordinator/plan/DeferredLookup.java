package dev.ferry.coordinator.plan;

import java.util.List;

/**
 * A lookup the rows pass of its table leaves out and a second pass writes once its table and
 * the tables it points to are loaded.
 *
 * @param table   the table whose records hold it
 * @param lookup  its foreign-key property in the source, e.g. {@code _parentaccountid_value}
 * @param targets the plan's tables it points to
 * @param reason  why it is deferred: {@code self-reference}, or the cycle it breaks, e.g.
 *                {@code breaks cycle accounts→contacts→accounts}
 */
public record DeferredLookup(String table, String lookup, List<String> targets, String reason) {

    public DeferredLookup {
        targets = List.copyOf(targets);
    }
}
