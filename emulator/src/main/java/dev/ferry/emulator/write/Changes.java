package dev.ferry.emulator.write;

import dev.ferry.emulator.schema.ManyToMany;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The column values one payload assigns, by slot, before they are merged into a row; plus the
 * primary id the payload names (if any) and N:N associations bound with a collection
 * {@code @odata.bind}, which can only be written once the row exists.
 */
final class Changes {
    /** One N:N association a payload asks for: the relationship and the row on the other side. */
    record Association(ManyToMany relationship, String otherTable, UUID otherId) {
    }

    private final Object[] values;
    private final boolean[] assigned;
    private final String[] boundBy;
    private UUID id;
    private List<Association> associations = List.of();

    Changes(int columnCount) {
        this.values = new Object[columnCount];
        this.assigned = new boolean[columnCount];
        this.boundBy = new String[columnCount];
    }

    void set(int slot, Object value) {
        values[slot] = value;
        assigned[slot] = true;
    }

    boolean isAssigned(int slot) {
        return assigned[slot];
    }

    Object get(int slot) {
        return values[slot];
    }

    /** The navigation property whose non-null bind set a lookup slot, to catch two binds of one lookup. */
    String boundBy(int slot) {
        return boundBy[slot];
    }

    void bind(int slot, Object value, String navigation) {
        set(slot, value);
        boundBy[slot] = navigation;
    }

    /** Copies the assigned values onto a row's values. */
    void applyTo(Object[] row) {
        for (int i = 0; i < values.length; i++) {
            if (assigned[i]) {
                row[i] = values[i];
            }
        }
    }

    UUID id() {
        return id;
    }

    void id(UUID id) {
        this.id = id;
    }

    List<Association> associations() {
        return associations;
    }

    void associate(Association association) {
        if (associations.isEmpty()) {
            associations = new ArrayList<>();
        }
        associations.add(association);
    }
}
