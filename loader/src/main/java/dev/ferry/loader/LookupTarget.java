package dev.ferry.loader;

/**
 * Where one lookup value is written: {@code <navigationProperty>@odata.bind: "/<entitySet>(<id>)"}.
 *
 * @param navigationProperty the target's navigation property, e.g. {@code parentcustomerid_account}
 * @param entitySet          the entity set holding the referenced record, e.g. {@code accounts}
 */
record LookupTarget(String navigationProperty, String entitySet) {

    static final String BIND_SUFFIX = "@odata.bind";

    String bindProperty() {
        return navigationProperty + BIND_SUFFIX;
    }

    String bindValue(String id) {
        return "/" + entitySet + "(" + id + ")";
    }
}
