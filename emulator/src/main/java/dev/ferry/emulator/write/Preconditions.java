package dev.ferry.emulator.write;

import dev.ferry.emulator.http.ApiRequest;
import dev.ferry.emulator.schema.Table;
import dev.ferry.emulator.store.Row;

/**
 * The conditional headers of a write: {@code If-Match: *} (update only: 404 when the row is
 * missing), {@code If-Match: W/"<version>"} (optimistic concurrency: 412 when the row changed) and
 * {@code If-None-Match: *} (create only: 412 when the row exists).
 */
record Preconditions(String ifMatch, boolean createOnly) {
    static final Preconditions NONE = new Preconditions(null, false);
    private static final String ANY = "*";

    static Preconditions of(ApiRequest request) {
        String ifMatch = request.header("If-Match").map(String::trim).filter(v -> !v.isEmpty()).orElse(null);
        // Clients send "If-None-Match: null" routinely (Dataverse's own samples do): it means no condition.
        boolean createOnly = request.header("If-None-Match").map(String::trim).map(ANY::equals).orElse(false);
        return new Preconditions(ifMatch, createOnly);
    }

    /** Throws Dataverse's error when the condition fails for {@code existing} (null when there is no row). */
    void check(Table table, RowLocator.ResolvedKey key, Row existing) {
        if (createOnly && existing != null) {
            throw WriteErrors.recordExists();
        }
        if (ifMatch == null) {
            return;
        }
        if (existing == null) {
            throw RowLocator.notFound(table, key);
        }
        if (!ifMatch.equals(ANY) && !matches(table, existing)) {
            throw WriteErrors.versionMismatch();
        }
    }

    private boolean matches(Table table, Row row) {
        int slot = table.indexOf(TableLayout.VERSION_NUMBER);
        Object version = slot < 0 ? null : row.get(slot);
        if (version == null) {
            return false;
        }
        String expected = "W/\"" + version + "\"";
        for (String tag : ifMatch.split(",")) {
            if (tag.trim().equals(expected)) {
                return true;
            }
        }
        return false;
    }
}
