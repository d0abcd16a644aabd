package dev.ferry.emulator.write;

import dev.ferry.emulator.http.DataverseException;
import dev.ferry.emulator.http.ErrorCodes;
import dev.ferry.emulator.http.KeyPredicate;
import dev.ferry.emulator.http.ResourcePath;
import dev.ferry.emulator.schema.Schema;
import dev.ferry.emulator.schema.Table;

/**
 * A reference to one row as clients write it in {@code @odata.bind} and {@code @odata.id}:
 * {@code /accounts(<id>)}, {@code accounts(<id>)}, an absolute URL below any
 * {@code /api/data/v9.x/} root, or an alternate key {@code /accounts(accountnumber='A1')}.
 */
record EntityReference(Table table, KeyPredicate key) {
    private static final String CONTENT_ID_PREFIX = "$";

    /** Parses {@code text}; throws a 400 naming {@code context} (e.g. the property) when it is no row reference. */
    static EntityReference parse(Schema schema, String text, String context) {
        String relative = relativePath(text, context);
        ResourcePath path;
        try {
            path = ResourcePath.parse(relative);
        } catch (DataverseException e) {
            throw notAReference(text, context);
        }
        if (path.size() != 1 || !path.get(0).hasKey()) {
            throw notAReference(text, context);
        }
        String set = path.get(0).name();
        Table table = schema.tableByEntitySet(set).orElseThrow(() -> new DataverseException(400,
                ErrorCodes.BAD_REQUEST, "The reference '" + text + "' in " + context + " names the entity set '" + set
                        + "', which does not exist."));
        return new EntityReference(table, path.get(0).keyPredicate());
    }

    /** The part of a reference below the service root (see {@link ServiceUrls}). */
    static String relativePath(String url, String context) {
        if (url.startsWith(CONTENT_ID_PREFIX)) {
            // A Content-ID the batch did not replace: it was not declared earlier in the change set.
            throw WriteErrors.unknownContentId(contentIdOf(url));
        }
        String relative = ServiceUrls.belowRoot(url);
        if (relative == null) {
            throw notAReference(url, context);
        }
        return relative;
    }

    private static String contentIdOf(String url) {
        int slash = url.indexOf('/');
        return slash < 0 ? url : url.substring(0, slash);
    }

    private static DataverseException notAReference(String text, String context) {
        return new DataverseException(400, ErrorCodes.BAD_REQUEST,
                "The value '" + text + "' of " + context + " is not a reference to a record: use '/<entityset>(<id>)',"
                        + " '/<entityset>(<key>=<value>)' or an absolute URL of the record.");
    }
}
