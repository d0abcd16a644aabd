package dev.ferry.coordinator.run;

import dev.ferry.common.contract.ControlMessage;
import dev.ferry.common.contract.RunState;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's new state and the control messages that announce it ({@code ferry.control}).
 *
 * @param state   the run after the change
 * @param control the releases and cancellations to send, in order
 */
public record Step(RunState state, List<ControlMessage> control) {

    public Step {
        control = List.copyOf(control);
    }

    /** The run as it is, with nothing to send. */
    public static Step of(RunState state) {
        return new Step(state, List.of());
    }

    /** This step followed by another from its state: the latter's state and both steps' messages. */
    public Step then(Step next) {
        List<ControlMessage> all = new ArrayList<>(control);
        all.addAll(next.control);
        return new Step(next.state, all);
    }
}
