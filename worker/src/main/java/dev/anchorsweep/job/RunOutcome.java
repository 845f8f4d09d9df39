package dev.anchorsweep.job;

import java.io.Serializable;

/** What a worker reports back to the driver about one run it committed. */
public record RunOutcome(String runId, String arm, String status, String error, double trainSeconds, int packSize,
                         String host) implements Serializable {

    public boolean ok() {
        return "ok".equals(status);
    }
}
