package dev.ferry.loader;

import dev.ferry.common.contract.OutsideLookup;

/**
 * A record's lookup value that points at a row of a table the plan does not copy, under the
 * {@code keep} rule: it is bound only if that row exists in the target.
 *
 * @param lookup    the lookup and its rule
 * @param entitySet the target entity set of the referenced row, e.g. {@code accounts}
 * @param id        the referenced row's id
 */
record OutsideReference(OutsideLookup lookup, String entitySet, String id) {

    /** For messages: {@code lookup parentcustomerid (_parentcustomerid_value) points at accounts(<id>)}. */
    String describe() {
        return "lookup " + lookup.logicalName() + " (" + lookup.lookup() + ") points at " + entitySet + "(" + id + ")";
    }
}
