package dev.anchorsweep.data;

import dev.anchorsweep.concept.Concept;
import dev.anchorsweep.run.RunSpec;
import dev.anchorsweep.run.TrainingSpec;
import dev.anchorsweep.train.RunRandom;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Draws one run's training batches from its {@link TrainingData}: per step the data phase in effect, its batch size,
 * colours with replacement ∝ weight × Π curriculum levels at the step's data property values, per-concept Bernoulli
 * labels ({@code U[0,1) < p(colour)}), and the per-sample loss weights where the phase weights losses. All from the
 * run's {@link RunRandom#BATCHES} stream: with {@link TrainingData#DEFAULT} it draws exactly what
 * {@link dev.anchorsweep.train.BatchSampler} draws. The property values come from the caller (the schedules, or the
 * run's properties once rules may move them); the sampler never reads a clock.
 */
public final class DataSampler {

    /** One drawn batch; its arrays are reused by the next draw. */
    public static final class Batch {
        private int size;
        private final float[] rows;
        private final float[][] labels;
        private final float[] lossWeights;
        private boolean weighted;

        Batch(int maxSize, int concepts) {
            int padded = maxSize + 64;
            this.rows = new float[3 * padded];
            this.labels = new float[concepts][padded];
            this.lossWeights = new float[padded];
        }

        /** Samples in this batch. */
        public int size() {
            return size;
        }

        /** The colours, row-major [size][3]. */
        public float[] rows() {
            return rows;
        }

        /** Per concept the 0/1 labels of the samples, [concept][≥ size]. */
        public float[][] labels() {
            return labels;
        }

        /** The per-sample loss weights ŵ (Σ = 1), or null when this batch's losses are plain means. */
        public float[] lossWeights() {
            return weighted ? lossWeights : null;
        }
    }

    private final SplittableRandom rng;
    private final List<PhaseSampler> phases = new ArrayList<>();
    private final int[] from;
    private final long[] labelCounts;
    private final Batch batch;
    private final int properties;

    public DataSampler(RunSpec run) {
        this.rng = RunRandom.BATCHES.forSeed(run.seed());
        TrainingSpec training = run.training();
        TrainingData data = training.data();
        List<Concept> concepts = run.concepts();
        List<String> names = data.propertyNames();
        this.properties = names.size();
        List<DataPhase> effective = data.effectivePhases(training.batchSize());
        this.from = new int[effective.size()];
        int max = 1;
        for (int p = 0; p < effective.size(); p++) {
            DataPhase phase = effective.get(p);
            PhaseSampler sampler = PhaseSampler.of(phase, training.gridSubdivisions(), concepts, names);
            int size = sampler.batchSize();
            phases.add(sampler);
            from[p] = phase.from();
            max = Math.max(max, size);
        }
        this.labelCounts = new long[concepts.size()];
        this.batch = new Batch(max, concepts.size());
    }

    /** Every batch size the run's phases use (the fused engine keeps one network per size). */
    public TreeSet<Integer> batchSizes() {
        TreeSet<Integer> sizes = new TreeSet<>();
        phases.forEach(p -> sizes.add(p.batchSize()));
        return sizes;
    }

    /** The index of the phase in effect at {@code step}. */
    int phaseAt(int step) {
        int p = 0;
        while (p + 1 < from.length && from[p + 1] <= step) p++;
        return p;
    }

    /** The batch size at {@code step}. */
    public int batchSizeAt(int step) {
        return phases.get(phaseAt(step)).batchSize();
    }

    /**
     * Draws step {@code step}'s batch.
     *
     * @param propertyValues the data properties' values at this step, in {@link TrainingData#propertyNames()} order
     */
    public Batch next(int step, double[] propertyValues) {
        if (propertyValues.length != properties) {
            throw new IllegalArgumentException("expected " + properties + " data property values, but got "
                    + propertyValues.length);
        }
        PhaseSampler phase = phases.get(phaseAt(step));
        batch.size = phase.batchSize();
        batch.weighted = phase.next(rng, propertyValues, batch.rows, batch.labels, labelCounts, batch.lossWeights);
        return batch;
    }

    /** Labels drawn so far, per concept in the run's concept order. */
    public long[] labelCounts() {
        return labelCounts.clone();
    }

    /** The (outer, inner) weight classes of each phase, for tests. */
    List<int[]> classes() {
        return phases.stream().map(PhaseSampler::classes).toList();
    }

    /** The (outer, inner) axes of each phase, for tests. */
    List<WeightedAxis[]> axes() {
        return phases.stream().map(PhaseSampler::axes).toList();
    }
}
