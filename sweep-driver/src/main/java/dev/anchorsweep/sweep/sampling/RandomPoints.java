package dev.anchorsweep.sweep.sampling;

import java.util.SplittableRandom;

/** Independent uniform points: the coordinates point by point, from one {@link SplittableRandom} seeded with the seed. */
public final class RandomPoints implements PointSequence {

    @Override
    public double[][] points(int n, int dimensions, long seed) {
        if (n < 1 || dimensions < 1) {
            throw new IllegalArgumentException("random points need n ≥ 1 and dimensions ≥ 1, but got n = " + n
                    + ", dimensions = " + dimensions);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[][] out = new double[n][dimensions];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < dimensions; d++) out[i][d] = random.nextDouble();
        }
        return out;
    }
}
