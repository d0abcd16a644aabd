package dev.ferry.emulator.write;

import dev.ferry.emulator.http.KeyPredicate;
import dev.ferry.emulator.json.ValueCodec;
import dev.ferry.emulator.schema.AlternateKey;
import dev.ferry.emulator.schema.Column;
import dev.ferry.emulator.schema.Table;
import dev.ferry.emulator.store.Row;
import dev.ferry.emulator.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Finds the row a key predicate names: by primary id, or by the values of one of the table's alternate keys. */
final class RowLocator {
    private final Store store;

    RowLocator(Store store) {
        this.store = store;
    }

    /** A key predicate resolved against a table: the primary id, or an alternate key with typed values. */
    record ResolvedKey(UUID id, AlternateKey key, List<Object> values) {
        boolean isPrimary() {
            return id != null;
        }
    }

    /** Checks the key names and converts its literals; throws a 400 when they match no key of the table. */
    ResolvedKey resolve(Table table, KeyPredicate predicate) {
        if (predicate.isPrimary()) {
            return new ResolvedKey(predicate.id(), null, null);
        }
        Map<String, String> named = predicate.named();
        if (named.size() == 1 && named.containsKey(table.primaryId())) {
            return new ResolvedKey(KeyPredicate.parseGuid(named.get(table.primaryId())), null, null);
        }
        for (AlternateKey key : table.alternateKeys()) {
            if (key.columns().size() == named.size() && named.keySet().containsAll(key.columns())) {
                List<Object> values = new ArrayList<>(key.columns().size());
                for (String name : key.columns()) {
                    Column column = table.column(name).orElseThrow();
                    values.add(ValueCodec.fromLiteral(table, column, named.get(name),
                            predicate.quoted().getOrDefault(name, false)));
                }
                return new ResolvedKey(null, key, List.copyOf(values));
            }
        }
        String keys = table.alternateKeys().isEmpty() ? "none"
                : table.alternateKeys().stream().map(k -> k.name() + " (" + String.join(", ", k.columns()) + ")")
                        .collect(Collectors.joining("; "));
        throw WriteErrors.badRequest("The key (" + String.join(", ", named.keySet()) + ") matches neither the primary"
                + " key '" + table.primaryId() + "' nor an alternate key of entity '" + table.logicalName()
                + "'. Its alternate keys: " + keys + ".");
    }

    Optional<Row> find(Table table, ResolvedKey key) {
        if (key.isPrimary()) {
            return store.table(table.logicalName()).get(key.id());
        }
        return store.table(table.logicalName()).getByKey(key.key().name(), key.values());
    }

    /** The row, or Dataverse's 404 for the reference. */
    Row require(Table table, ResolvedKey key) {
        return find(table, key).orElseThrow(() -> notFound(table, key));
    }

    Row require(Table table, KeyPredicate predicate) {
        return require(table, resolve(table, predicate));
    }

    static RuntimeException notFound(Table table, ResolvedKey key) {
        return key.isPrimary() ? WriteErrors.doesNotExist(table, key.id()) : WriteErrors.keyDoesNotExist(table);
    }
}
