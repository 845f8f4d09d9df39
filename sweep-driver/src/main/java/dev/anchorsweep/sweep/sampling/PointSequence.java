package dev.anchorsweep.sweep.sampling;

/**
 * A way of drawing points in the unit cube [0, 1)^d. The same arguments give the same points in every JVM and on
 * every machine: the sequences use only integer arithmetic and {@link java.util.SplittableRandom}, whose algorithm
 * is specified.
 */
public interface PointSequence {

    /**
     * {@code n} points of {@code dimensions} coordinates each, every coordinate in [0, 1).
     *
     * @param seed selects the points (see each sequence for how)
     */
    double[][] points(int n, int dimensions, long seed);
}
