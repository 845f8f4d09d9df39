package dev.anchorsweep.sweep.sampling;

import java.util.SplittableRandom;

/**
 * Latin hypercube sampling: each dimension is cut into n equal strata and every stratum holds exactly one point. Per
 * dimension, in order, a uniformly random permutation of the strata (Fisher–Yates) and then a uniform offset within
 * each point's stratum, both from one {@link SplittableRandom} seeded with the seed.
 */
public final class LatinHypercube implements PointSequence {

    @Override
    public double[][] points(int n, int dimensions, long seed) {
        if (n < 1 || dimensions < 1) {
            throw new IllegalArgumentException("a Latin hypercube needs n ≥ 1 and dimensions ≥ 1, but got n = " + n
                    + ", dimensions = " + dimensions);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[][] out = new double[n][dimensions];
        int[] strata = new int[n];
        for (int d = 0; d < dimensions; d++) {
            for (int i = 0; i < n; i++) strata[i] = i;
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = strata[i];
                strata[i] = strata[j];
                strata[j] = t;
            }
            for (int i = 0; i < n; i++) {
                // (stratum + u) / n < 1 for u < 1, except where rounding reaches 1: keep it in the last stratum
                double x = (strata[i] + random.nextDouble()) / n;
                out[i][d] = Math.min(x, Math.nextDown((strata[i] + 1.0) / n));
            }
        }
        return out;
    }
}
