package dev.anchorsweep.sweep;

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
}
