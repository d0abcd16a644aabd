package dev.ferry.coordinator.run;

import dev.ferry.coordinator.plan.RunLayout;
import dev.ferry.coordinator.plan.TableLayout;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link EntryDetails} of every entry of a run, by entry name. Stored with the run's state on
 * {@code ferry.runs} ({@link RunStateLog}), since the common {@code TableState} has no place for
 * them. A run stored before they existed has none: its entries are then what the plan says.
 *
 * @param entries the details by entry name
 */
public record RunDetails(Map<String, EntryDetails> entries) {

    public RunDetails {
        entries = entries == null ? Map.of() : Map.copyOf(entries);
    }

    /** No details: every entry is as its plan's table says. */
    public static RunDetails none() {
        return new RunDetails(Map.of());
    }

    /** The details of every entry of the layout. */
    public static RunDetails of(RunLayout layout) {
        Map<String, EntryDetails> entries = new LinkedHashMap<>();
        for (TableLayout table : layout.tables()) {
            entries.put(table.table(), new EntryDetails(table.entitySet(), table.association(),
                    table.outsideLookups()));
        }
        return new RunDetails(entries);
    }

    /** The entry's details, if the run has them. */
    public Optional<EntryDetails> entry(String entry) {
        return Optional.ofNullable(entries.get(entry));
    }
}
