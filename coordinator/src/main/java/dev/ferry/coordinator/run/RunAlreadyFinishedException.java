package dev.ferry.coordinator.run;

import dev.ferry.common.contract.RunState;

/** The run has succeeded, failed or been cancelled: it cannot be cancelled any more. */
public class RunAlreadyFinishedException extends RuntimeException {

    public RunAlreadyFinishedException(RunState run) {
        super("Run '" + run.runId() + "' has already finished (" + run.status() + " at " + run.finishedAt()
                + "): there is nothing to cancel.");
    }
}
