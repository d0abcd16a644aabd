package dev.ferry.coordinator.run;

import dev.ferry.common.contract.RunState;
import java.util.Objects;

/**
 * A run as {@code ferry.runs} keeps it: its state and its entries' details.
 *
 * @param state   the run's latest state
 * @param details its entries' details; none for a run stored before they existed
 */
public record StoredRun(RunState state, RunDetails details) {

    public StoredRun {
        Objects.requireNonNull(state, "state");
        details = details == null ? RunDetails.none() : details;
    }
}
