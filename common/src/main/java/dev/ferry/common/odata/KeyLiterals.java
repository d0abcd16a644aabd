package dev.ferry.common.odata;

import java.util.Set;
import java.util.regex.Pattern;

/** Writes a record id as an OData key literal of the key property's type: {@code 4f1c…} bare, {@code 'x'} quoted. */
final class KeyLiterals {

    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Set<String> BARE_TYPES = Set.of("Edm.Guid", "Edm.Int16", "Edm.Int32", "Edm.Int64", "Edm.Byte",
            "Edm.SByte", "Edm.Decimal", "Edm.Double", "Edm.Single", "Edm.Boolean", "Edm.Date", "Edm.DateTimeOffset");

    private KeyLiterals() {
    }

    /**
     * The literal of {@code id} for a key of {@code edmType}; with no known type a GUID is written
     * bare (Dataverse's primary keys) and anything else quoted.
     */
    static String of(String id, String edmType) {
        boolean bare = edmType == null ? GUID.matcher(id).matches() : BARE_TYPES.contains(edmType);
        return bare ? id : "'" + id.replace("'", "''") + "'";
    }
}
