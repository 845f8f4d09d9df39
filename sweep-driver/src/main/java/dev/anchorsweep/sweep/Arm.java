package dev.anchorsweep.sweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A grid cell without its seed: the runs that differ only in their seed.
 *
 * @param name its axis values, e.g. {@code ex-2.4.1, regularizers=anchor+separate, model.latent-dim=4}, or
 *             {@code base} when the grid has no axis but the seeds
 * @param axes axis name → value label, in axis order
 * @param runs its runs, by seed
 */
public record Arm(String name, Map<String, String> axes, List<PlannedRun> runs) {

    /** The name of the one arm of a grid that varies nothing but the seed. */
    public static final String BASE = "base";

    public Arm {
        axes = Collections.unmodifiableMap(new LinkedHashMap<>(axes));
        runs = List.copyOf(runs);
    }
}
