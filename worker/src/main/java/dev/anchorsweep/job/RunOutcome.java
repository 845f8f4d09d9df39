package dev.anchorsweep.job;

import dev.anchorsweep.results.RunRow;

import java.io.Serializable;

/**
 * What a worker reports back to the driver about one run it committed.
 *
 * @param errors the run's concept and complement colour errors per intervention (the driver's end-of-sweep summary is
 *               built from these, so it needs no second pass over the tables); {@link ConceptErrors#NONE} for a failed
 *               run
 */
public record RunOutcome(String runId, String arm, String status, String error, double trainSeconds, int packSize,
                         String host, ConceptErrors errors) implements Serializable {

    public boolean ok() {
        return RunRow.OK.equals(status);
    }

    /** Stopped early by a stopping rule: neither ok (not in the arms' medians) nor failed. */
    public boolean stopped() {
        return RunRow.STOPPED.equals(status);
    }

    public boolean failed() {
        return RunRow.FAILED.equals(status);
    }
}
