package dev.anchorsweep.fused;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A regularizer's gradient in the fused engine against central finite differences of its own value: the gradient of
 * weight 1 minus that of weight 0 (the reconstruction's) at the run's parameters, compared on the coordinates where
 * it is largest and on random ones, each within {@code tolerance} of the largest gradient entry.
 */
final class FiniteDifferences {

    private FiniteDifferences() {
    }

    /** @return the largest |∂L/∂θ|, for tests that need the term to move the gradient at all */
    static double check(String what, FusedRun run, float[][] labels, double tolerance) {
        float[] p = run.params();
        float[] termGrad = termGradient(run, labels);
        double scale = 0;
        for (float g : termGrad) scale = Math.max(scale, Math.abs(g));
        int[] coordinates = coordinates(termGrad, 10, 10);
        for (int i : coordinates) {
            float original = p[i];
            float h = 1e-3f * Math.max(1f, Math.abs(original));
            p[i] = original + h;
            double plus = value(run, labels);
            p[i] = original - h;
            double minus = value(run, labels);
            p[i] = original;
            double fd = (plus - minus) / ((double) (original + h) - (double) (original - h));
            assertTrue(Math.abs(fd - termGrad[i]) <= tolerance * scale, what + ": ∂L/∂θ[" + i + "] = " + termGrad[i]
                    + " but finite differences give " + fd + " (largest entry " + scale + ")");
        }
        return scale;
    }

    /** The term's value (the run's only regularizer) at the run's parameters. */
    static double value(FusedRun run, float[][] labels) {
        float[] values = new float[1];
        run.forwardBackward(new float[] {0}, true, labels, values);
        return values[0];
    }

    /** ∂L/∂θ of the run's only regularizer: the gradient at weight 1 minus that at weight 0. */
    static float[] termGradient(FusedRun run, float[][] labels) {
        float[] values = new float[1];
        run.forwardBackward(new float[] {1}, true, labels, values);
        float[] with = run.grads().clone();
        run.forwardBackward(new float[] {0}, true, labels, values);
        float[] without = run.grads();
        float[] g = new float[with.length];
        for (int i = 0; i < g.length; i++) g[i] = with[i] - without[i];
        return g;
    }

    /** The {@code largest} coordinates of largest |g| and {@code random} others. */
    private static int[] coordinates(float[] g, int largest, int random) {
        Integer[] order = new Integer[g.length];
        for (int i = 0; i < g.length; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> Float.compare(Math.abs(g[b]), Math.abs(g[a])));
        int[] out = new int[Math.min(g.length, largest + random)];
        SplittableRandom rng = new SplittableRandom(7);
        for (int i = 0; i < out.length; i++) out[i] = i < largest ? order[i] : rng.nextInt(g.length);
        return out;
    }
}
