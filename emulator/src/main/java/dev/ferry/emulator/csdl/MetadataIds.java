package dev.ferry.emulator.csdl;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * MetadataId values: name-based UUIDs, so that the same table, column or relationship has the
 * same id in every run and in every emulator serving the same schema.
 */
public final class MetadataIds {
    private static final String NAMESPACE = "ferry-emulator/";

    private MetadataIds() {
    }

    public static UUID entity(String table) {
        return of("entity/" + table);
    }

    public static UUID attribute(String table, String column) {
        return of("attribute/" + table + "/" + column);
    }

    /** A 1:N relationship; several targets of one owner lookup may share a schema name. */
    public static UUID relationship(String schemaName, String referencedTable) {
        return of("relationship/" + schemaName + "/" + referencedTable);
    }

    public static UUID manyToMany(String schemaName) {
        return of("manytomany/" + schemaName);
    }

    public static UUID key(String table, String keyName) {
        return of("key/" + table + "/" + keyName);
    }

    public static UUID optionSet(String table, String column) {
        return of("optionset/" + table + "/" + column);
    }

    /** The id of a label of the metadata item {@code owner}, e.g. its DisplayName. */
    public static UUID label(UUID owner, String kind) {
        return of("label/" + owner + "/" + kind);
    }

    private static UUID of(String name) {
        return UUID.nameUUIDFromBytes((NAMESPACE + name).getBytes(StandardCharsets.UTF_8));
    }
}
