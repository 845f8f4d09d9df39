package dev.anchorsweep.sweep;

import dev.anchorsweep.analysis.adaptive.SeedRule;

import java.util.List;

/**
 * Everything a sweep will run, decided before anything runs.
 *
 * @param axes the grid's axes in arm-name order, the seeds last
 * @param arms the arms in order (variants by name, regularizer subsets by bitmask, values in config order)
 * @param runs every run, arm by arm, by seed within an arm
 */
public record SweepPlan(SweepConfig config, List<SweepAxis> axes, List<Arm> arms, List<PlannedRun> runs) {

    public SweepPlan {
        axes = List.copyOf(axes);
        arms = List.copyOf(arms);
        runs = List.copyOf(runs);
    }

    public String name() {
        return config.name();
    }

    /** The adaptive seed rule, or null when every arm runs a fixed list of seeds. */
    public SeedRule adaptive() {
        return axes.stream().filter(a -> a instanceof SeedAxis).map(a -> (SeedAxis) a).findFirst()
                .map(SeedAxis::adaptive).orElse(null);
    }
}
