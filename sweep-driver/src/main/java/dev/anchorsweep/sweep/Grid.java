package dev.anchorsweep.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The axes of a sweep's grid.
 *
 * @param armAxes the axes that tell arms apart, in arm-name order: variant, regularizers, schedules (by path), settings
 *                (by path), the sampled points
 * @param seeds   the seeds every arm runs with
 */
record Grid(List<SweepAxis> armAxes, SeedAxis seeds) {

    Grid {
        armAxes = List.copyOf(armAxes);
    }

    /** Every axis: the arm axes, then the seeds. */
    List<SweepAxis> axes() {
        List<SweepAxis> all = new ArrayList<>(armAxes);
        all.add(seeds);
        return List.copyOf(all);
    }

    /**
     * The arm axes in the order they change a run: the variant first (later paths must exist after it), then
     * schedules and settings, then the sampled point (its keyframes index the schedule as the run has it then), then
     * the regularizer choice (which may drop what a schedule or setting changed).
     */
    List<SweepAxis> applicationOrder() {
        return armAxes.stream().sorted(Comparator.comparingInt(Grid::stage)).toList();
    }

    private static int stage(SweepAxis axis) {
        if (axis instanceof VariantAxis) return 0;
        if (axis instanceof ScheduleAxis) return 1;
        if (axis instanceof SettingAxis) return 2;
        if (axis instanceof SampleAxis) return 3;
        if (axis instanceof RegularizerAxis) return 4;
        return 5;
    }

    /** The number of arms (saturating at Long.MAX_VALUE). */
    long armCount() {
        long count = 1;
        for (SweepAxis axis : armAxes) count = saturatingProduct(count, axis.size());
        return count;
    }

    long runCount() {
        return saturatingProduct(armCount(), seeds.size());
    }

    private static long saturatingProduct(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }
}
