package dev.ferry.emulator.write;

import dev.ferry.emulator.http.DataverseException;
import dev.ferry.emulator.http.ErrorCodes;
import dev.ferry.emulator.schema.AlternateKey;
import dev.ferry.emulator.schema.Column;
import dev.ferry.emulator.schema.Table;
import java.util.UUID;
import java.util.stream.Collectors;

/** The errors Dataverse answers to writes, with its status codes, error codes and wording. */
final class WriteErrors {
    /** Optimistic concurrency: the If-Match version is not the row's (ConcurrencyVersionMismatch). */
    static final String CONCURRENCY_VERSION_MISMATCH = "0x80060882";
    /** The OData library's code for a payload or URL it cannot read. */
    static final String ODATA_BAD_REQUEST = ErrorCodes.BAD_REQUEST;
    static final int BAD_REQUEST = 400;
    static final int NOT_FOUND = 404;
    static final int PRECONDITION_FAILED = 412;

    private WriteErrors() {
    }

    /** As Dataverse: {@code Entity 'account' With Id = <id> Does Not Exist} (404, 0x80040217). */
    static DataverseException doesNotExist(Table table, UUID id) {
        return new DataverseException(NOT_FOUND, ErrorCodes.OBJECT_DOES_NOT_EXIST,
                "Entity '" + table.logicalName() + "' With Id = " + id + " Does Not Exist");
    }

    /** A reference by alternate key to a row that does not exist. */
    static DataverseException keyDoesNotExist(Table table) {
        return new DataverseException(NOT_FOUND, ErrorCodes.OBJECT_DOES_NOT_EXIST,
                "A record with the specified key values does not exist in " + table.logicalName() + " entity");
    }

    /** Create-only upsert ({@code If-None-Match: *}) or a create with an id that is taken (412, 0x80040237). */
    static DataverseException recordExists() {
        return new DataverseException(PRECONDITION_FAILED, ErrorCodes.DUPLICATE_RECORD,
                "A record with matching key values already exists.");
    }

    /** An N:N association that exists already: Dataverse refuses it rather than ignoring it. */
    static DataverseException duplicateAssociation() {
        return new DataverseException(PRECONDITION_FAILED, ErrorCodes.DUPLICATE_RECORD, "Cannot insert duplicate key.");
    }

    /** Another row holds the values of an alternate key (DuplicateRecordEntityKey). */
    static DataverseException duplicateKey(Table table, AlternateKey key) {
        String names = key.columns().stream()
                .map(c -> table.column(c).map(Column::displayName).orElse(c))
                .collect(Collectors.joining(", "));
        return new DataverseException(PRECONDITION_FAILED, ErrorCodes.DUPLICATE_KEY,
                "A record that has the attribute values " + names + " already exists. The entity key " + key.name()
                        + " requires that this set of attributes contains unique values. Select unique values and try"
                        + " again.");
    }

    static DataverseException versionMismatch() {
        return new DataverseException(PRECONDITION_FAILED, CONCURRENCY_VERSION_MISMATCH,
                "The version of the existing record doesn't match the RowVersion property provided.");
    }

    /** The OData library's wording for a property the entity type lacks. */
    static DataverseException unknownProperty(Table table, String property) {
        return new DataverseException(BAD_REQUEST, ErrorCodes.BAD_PAYLOAD,
                "The property '" + property + "' does not exist on type '" + entityType(table)
                        + "'. Make sure to only use property names that are defined by the type.");
    }

    /** The OData library's wording for {@code x@odata.bind} where x is no navigation property. */
    static DataverseException undeclaredNavigation(Table table, String navigation) {
        return new DataverseException(BAD_REQUEST, ODATA_BAD_REQUEST,
                "An undeclared property '" + navigation + "' which only has property annotations in the payload but no"
                        + " property value was found in the payload. In OData, only declared navigation properties and"
                        + " declared named streams can be represented as properties without values. (Entity type '"
                        + entityType(table) + "'.)");
    }

    /** Resource path segment that names nothing on the table. */
    static DataverseException segmentNotFound(String segment) {
        return new DataverseException(NOT_FOUND, ErrorCodes.RESOURCE_NOT_FOUND,
                "Resource not found for the segment '" + segment + "'.");
    }

    /** As Dataverse, for a {@code $n} that no earlier request of the change set declared. */
    static DataverseException unknownContentId(String reference) {
        return new DataverseException(BAD_REQUEST, ErrorCodes.BAD_REQUEST,
                "Content-ID Reference: '" + reference + "' does not exist in the batch context.");
    }

    static DataverseException badRequest(String message) {
        return new DataverseException(BAD_REQUEST, ErrorCodes.BAD_REQUEST, message);
    }

    static DataverseException badPayload(String message) {
        return new DataverseException(BAD_REQUEST, ErrorCodes.BAD_PAYLOAD, message);
    }

    /** Dataverse's qualified name of a table's entity type, e.g. {@code Microsoft.Dynamics.CRM.account}. */
    static String entityType(Table table) {
        return "Microsoft.Dynamics.CRM." + table.logicalName();
    }
}
