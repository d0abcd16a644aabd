package dev.ferry.coordinator.run;

/** No run has that id. */
public class RunNotFoundException extends RuntimeException {

    private final String runId;

    public RunNotFoundException(String runId) {
        super("There is no run '" + runId + "'. GET /migrations lists the runs.");
        this.runId = runId;
    }

    public String runId() {
        return runId;
    }
}
