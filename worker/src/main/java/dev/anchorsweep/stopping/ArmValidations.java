package dev.anchorsweep.stopping;

import dev.anchorsweep.run.RunSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The validation metrics of the runs a pack trainer has trained so far, by arm: what a median rule compares a run with.
 * An arm is the set of runs whose resolved specs differ only in their seed (so the worker needs no word from the driver,
 * and a sweep's arm, grid point or sampled point, is exactly that). The fused engine trains a pack's runs in seed order,
 * so the runs that count for a run are the runs of its arm with a smaller seed in the same pack, those that reached the
 * step with a finite value; timing never matters.
 */
public final class ArmValidations {

    private final Map<String, List<Map<Integer, Map<String, Double>>>> byArm = new HashMap<>();

    /** The arm key of a run: its canonical spec with the seed set to 0. */
    public static String armOf(RunSpec run) {
        return run.withSeed(0).canonical();
    }

    /** Records a trained run's validation metrics by step (of the steps it reached). */
    public void add(String arm, Map<Integer, Map<String, Double>> validation) {
        byArm.computeIfAbsent(arm, a -> new ArrayList<>()).add(Map.copyOf(validation));
    }

    /**
     * The median of metric {@code key} at {@code step} over the recorded runs of {@code arm} that have a finite value
     * there (the mean of the two middle values for an even count), or NaN when fewer than {@code minRuns} have one.
     */
    public double median(String arm, int step, String key, int minRuns) {
        List<Map<Integer, Map<String, Double>>> runs = byArm.getOrDefault(arm, List.of());
        double[] values = new double[runs.size()];
        int n = 0;
        for (Map<Integer, Map<String, Double>> run : runs) {
            Double v = run.getOrDefault(step, Map.of()).get(key);
            if (v != null && Double.isFinite(v)) values[n++] = v;
        }
        if (n < minRuns || n == 0) return Double.NaN;
        Arrays.sort(values, 0, n);
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
