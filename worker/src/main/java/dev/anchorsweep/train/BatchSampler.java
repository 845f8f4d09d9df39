package dev.anchorsweep.train;

import dev.anchorsweep.color.ColorSet;
import dev.anchorsweep.color.ColorSets;
import dev.anchorsweep.color.Rgb;
import dev.anchorsweep.concept.Concept;
import dev.anchorsweep.run.RunSpec;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws one run's training batches (SCA-SPEC §1): colours uniformly with replacement from the training grid, and for
 * every concept a fresh Bernoulli label per sample ({@code U[0,1) < p(colour)}). Counts the labels drawn.
 */
public final class BatchSampler {

    private final SplittableRandom rng;
    private final float[][] colors;
    private final double[][] probabilities; // [concept][colour]
    private final long[] labelCounts;
    private final int batchSize;

    public BatchSampler(RunSpec run) {
        this.rng = RunRandom.BATCHES.forSeed(run.seed());
        this.batchSize = run.training().batchSize();
        ColorSet grid = ColorSets.trainingGrid(run.training().gridSubdivisions());
        this.colors = new float[grid.size()][];
        List<Concept> concepts = run.concepts();
        this.probabilities = new double[concepts.size()][grid.size()];
        for (int i = 0; i < grid.size(); i++) {
            Rgb c = grid.color(i);
            colors[i] = new float[] {(float) c.r(), (float) c.g(), (float) c.b()};
            for (int k = 0; k < concepts.size(); k++) probabilities[k][i] = concepts.get(k).labelProbability(c);
        }
        this.labelCounts = new long[concepts.size()];
    }

    /**
     * Fills the next batch.
     *
     * @param x      receives the colours, [batchSize × 3] row-major, at {@code offset}
     * @param labels receives per concept the 0/1 labels of the batch, [concept][batchSize]
     */
    public void next(float[] x, int offset, float[][] labels) {
        for (int i = 0; i < batchSize; i++) {
            int idx = rng.nextInt(colors.length);
            System.arraycopy(colors[idx], 0, x, offset + 3 * i, 3);
            for (int k = 0; k < probabilities.length; k++) {
                boolean label = rng.nextDouble() < probabilities[k][idx];
                labels[k][i] = label ? 1f : 0f;
                if (label) labelCounts[k]++;
            }
        }
    }

    public int batchSize() {
        return batchSize;
    }

    /** Labels drawn so far, per concept in the run's concept order. */
    public long[] labelCounts() {
        return labelCounts.clone();
    }
}
