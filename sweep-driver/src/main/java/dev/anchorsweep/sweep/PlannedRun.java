package dev.anchorsweep.sweep;

import dev.anchorsweep.run.RunSpec;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One run of a sweep: a grid cell with its seed, fully resolved.
 *
 * @param runId the run's identity: {@link RunId#of(RunSpec)} of {@code spec}
 * @param arm   the name of its arm, e.g. {@code ex-2.4.1, regularizers=anchor+separate} or {@code base}
 * @param axes  axis name → value label of its arm, in axis order, e.g. variant → ex-2.4.1, model.latent-dim → 4
 */
public record PlannedRun(String runId, String arm, Map<String, String> axes, int seed, RunSpec spec)
        implements Serializable {

    public PlannedRun {
        if (runId == null || !runId.matches("[0-9a-f]{" + RunId.HEX_DIGITS + "}")) {
            throw new IllegalArgumentException("a run id is " + RunId.HEX_DIGITS + " lower-case hex digits, but got "
                    + runId);
        }
        if (spec.seed() != seed) {
            throw new IllegalArgumentException("the run's seed must be its spec's seed, but got " + seed + " and "
                    + spec.seed());
        }
        axes = Collections.unmodifiableMap(new LinkedHashMap<>(axes));
    }
}
