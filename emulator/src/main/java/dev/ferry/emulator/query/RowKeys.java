package dev.ferry.emulator.query;

import dev.ferry.emulator.http.KeyPredicate;
import dev.ferry.emulator.json.ValueCodec;
import dev.ferry.emulator.schema.AlternateKey;
import dev.ferry.emulator.schema.Column;
import dev.ferry.emulator.schema.Table;
import dev.ferry.emulator.store.LookupValue;
import dev.ferry.emulator.store.Row;
import dev.ferry.emulator.store.TableStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Finds the row a key in a URL names: a primary id {@code (guid)} or {@code (accountid=guid)}, or
 * the values of a defined alternate key {@code (accountnumber='A1')}.
 */
public final class RowKeys {
    private RowKeys() {
    }

    /** The row, or Dataverse's 404 (by id: "Entity 'account' With Id = ... Does Not Exist"). */
    public static Row require(TableStore rows, KeyPredicate key) {
        Table table = rows.table();
        Optional<UUID> id = primaryId(table, key);
        if (id.isPresent()) {
            return rows.get(id.get()).orElseThrow(() -> QueryErrors.notFound(table, id.get()));
        }
        AlternateKey alternateKey = alternateKey(table, key);
        return rows.getByKey(alternateKey.name(), keyValues(table, alternateKey, key))
                .orElseThrow(() -> QueryErrors.notFoundByKey(table));
    }

    /** The primary id the key names, when it names one. */
    public static Optional<UUID> primaryId(Table table, KeyPredicate key) {
        if (key.isPrimary()) {
            return Optional.of(key.id());
        }
        if (key.named().size() == 1 && key.named().containsKey(table.primaryId())) {
            return Optional.of(KeyPredicate.parseGuid(key.named().get(table.primaryId())));
        }
        return Optional.empty();
    }

    /** The alternate key whose columns are exactly the named ones, or a 400 naming the table's keys. */
    public static AlternateKey alternateKey(Table table, KeyPredicate key) {
        for (AlternateKey k : table.alternateKeys()) {
            if (new HashSet<>(k.columns()).equals(key.named().keySet())) {
                return k;
            }
        }
        String defined = table.alternateKeys().isEmpty() ? "it has none"
                : "its alternate keys are " + table.alternateKeys().stream()
                        .map(k -> k.name() + " (" + String.join(",", k.columns()) + ")")
                        .collect(Collectors.joining(", "));
        throw QueryErrors.badRequest("The key (" + String.join(",", key.named().keySet()) + ") is not the primary key"
                + " or an alternate key of entity '" + table.logicalName() + "': " + defined + ".");
    }

    /** The key's values in stored form and in the key's column order, as the key index holds them. */
    static List<Object> keyValues(Table table, AlternateKey alternateKey, KeyPredicate key) {
        List<Object> values = new ArrayList<>();
        Map<String, String> named = key.named();
        for (String name : alternateKey.columns()) {
            Column column = table.column(name).orElseThrow(() -> QueryErrors.unknownProperty(table, name));
            Object value = ValueCodec.fromLiteral(table, column, named.get(name),
                    Boolean.TRUE.equals(key.quoted().get(name)));
            if (column.type().isLookup() && value instanceof UUID id) {
                value = new LookupValue(column.targets().get(0), id);
            }
            values.add(value);
        }
        return values;
    }
}
