package dev.ferry.emulator.query;

import dev.ferry.emulator.http.DataverseException;
import dev.ferry.emulator.http.ErrorCodes;
import dev.ferry.emulator.schema.Table;
import java.util.UUID;

/** The errors Dataverse answers to reads, with its messages (ODataLib's wording for query syntax). */
public final class QueryErrors {
    /** Dataverse's CSDL namespace, part of its type names in messages. */
    public static final String NAMESPACE = "Microsoft.Dynamics.CRM.";

    private QueryErrors() {
    }

    /** A $select, $filter, $orderby or path segment names a property the entity type lacks. */
    public static DataverseException unknownProperty(Table table, String name) {
        return new DataverseException(400, ErrorCodes.BAD_REQUEST,
                "Could not find a property named '" + name + "' on type '" + NAMESPACE + table.logicalName() + "'.");
    }

    /** A query option or key that cannot be read. */
    public static DataverseException badRequest(String message) {
        return new DataverseException(400, ErrorCodes.BAD_REQUEST, message);
    }

    /** The row with this primary id does not exist. */
    public static DataverseException notFound(Table table, UUID id) {
        return new DataverseException(404, ErrorCodes.OBJECT_DOES_NOT_EXIST,
                "Entity '" + table.logicalName() + "' With Id = " + id + " Does Not Exist");
    }

    /** No row has these alternate key values. */
    public static DataverseException notFoundByKey(Table table) {
        return new DataverseException(404, ErrorCodes.OBJECT_DOES_NOT_EXIST,
                "A record with the specified key values does not exist in " + table.logicalName() + " entity");
    }
}
