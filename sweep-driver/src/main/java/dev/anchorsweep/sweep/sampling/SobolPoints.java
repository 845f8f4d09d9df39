package dev.anchorsweep.sweep.sampling;

import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Sobol's low-discrepancy sequence (Commons Math's {@link SobolSequenceGenerator}, Joe and Kuo's direction numbers,
 * not scrambled). The sequence's first point is the origin, which lies on the boundary of every dimension, so it is
 * never used: seed s takes the n points at indices s·n + 1 … s·n + n of the sequence (seed 0: points 1 … n). In one
 * dimension these are 0.5, 0.75, 0.25, 0.375, 0.875, …; the first 2^m − 1 points fill every one of the 2^m strata of
 * each dimension but [0, 1/2^m).
 */
public final class SobolPoints implements PointSequence {

    /** The most dimensions Commons Math's built-in direction numbers support. */
    public static final int MAX_DIMENSIONS = 1000;

    @Override
    public double[][] points(int n, int dimensions, long seed) {
        if (n < 1 || dimensions < 1 || dimensions > MAX_DIMENSIONS) {
            throw new IllegalArgumentException("Sobol points need n ≥ 1 and 1 ≤ dimensions ≤ " + MAX_DIMENSIONS
                    + ", but got n = " + n + ", dimensions = " + dimensions);
        }
        if (seed < 0 || seed > (Integer.MAX_VALUE - 1L) / n - 1) {
            throw new IllegalArgumentException("a Sobol seed selects block seed·n + 1 … seed·n + n of the sequence, so"
                    + " it must be in 0.." + ((Integer.MAX_VALUE - 1L) / n - 1) + " for n = " + n + ", but got " + seed);
        }
        SobolSequenceGenerator generator = new SobolSequenceGenerator(dimensions);
        double[][] out = new double[n][];
        out[0] = generator.skipTo((int) (seed * n + 1));  // returns that point; nextVector() goes on from it
        for (int i = 1; i < n; i++) out[i] = generator.nextVector();
        return out;
    }
}
