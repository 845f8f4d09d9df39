package dev.anchorsweep.job;

import dev.anchorsweep.run.RunSpec;

import java.io.Serializable;
import java.util.Map;

/**
 * One run as a worker receives it: its identity in the sweep and its fully resolved spec.
 *
 * @param axes grid axis → value label of the run's arm
 */
public record RunTicket(String sweepId, String runId, String arm, Map<String, String> axes, RunSpec spec)
        implements Serializable {

    public RunTicket {
        axes = Map.copyOf(axes);
    }
}
