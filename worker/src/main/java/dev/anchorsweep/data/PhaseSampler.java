package dev.anchorsweep.data;

import dev.anchorsweep.concept.Concept;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The batches of one data phase: its colours drawn with replacement ∝ base weight × Π curriculum levels (or the whole
 * set in order for a full batch), each sample's concept labels (a fresh Bernoulli draw per concept), and the
 * per-sample loss weights of {@link LossWeighting#SAMPLING}. Colour sets with a hue × (s, v) product whose factors
 * each depend on one axis only (the HSV sets with bias, vibrancy, focus …) draw the two axes independently (where both
 * axes' tables are exact, both from one random number per sample: {@link WeightedAxis#drawExact}); any other weighting
 * draws from one axis of all colours.
 */
final class PhaseSampler {

    private final DataPhase phase;
    private final TrainingColors colors;
    private final float[] rows;
    private final double[][] probabilities; // [concept][colour]
    private final boolean uniform;
    private final int inner;
    private final WeightedAxis outerAxis;
    private final WeightedAxis innerAxis;
    private final double[] sampleWeights;
    /** A weighted batch's positions on each axis and the outer axis's curriculum weights. */
    private final double[] outerWeights;
    private final int[] outerPositions;
    private final int[] innerPositions;
    /** A batch drawn from exact tables: its colours. */
    private final int[] colours;

    /** What a prototype is built from: runs whose phases agree here share its colours, measures and classes. */
    private record Key(DataPhase phase, int grid, List<Concept> concepts, List<String> properties) {}

    private static final java.util.Map<Key, PhaseSampler> PROTOTYPES = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The sampler of {@code phase} for a run: a copy of a prototype shared by every run with the same phase, grid,
     * concepts and data properties (building the colours, measures and classes of the 3,600-colour cube takes about a
     * millisecond, a real share of a short run) and the axes' proposal tables, with its own values and random state.
     */
    static PhaseSampler of(DataPhase phase, int grid, List<Concept> concepts, List<String> properties) {
        Key key = new Key(phase, grid, List.copyOf(concepts), List.copyOf(properties));
        PhaseSampler prototype = PROTOTYPES.get(key);
        if (prototype == null) {
            if (PROTOTYPES.size() > 256) forgetPrototypes();
            TrainingColors colors = phase.colors().build(grid);
            int size = phase.full() ? colors.size() : phase.batchSize();
            prototype = new PhaseSampler(phase, colors, concepts, properties, size);
            PROTOTYPES.putIfAbsent(key, prototype);
        }
        return new PhaseSampler(prototype);
    }

    /**
     * Forgets every prototype and so the tables its axes share (where more than 256 are kept, and for tests of a cold
     * start).
     */
    static void forgetPrototypes() {
        PROTOTYPES.clear();
        ExactTables.forgetAll();
    }

    private PhaseSampler(PhaseSampler prototype) {
        this.phase = prototype.phase;
        this.colors = prototype.colors;
        this.rows = prototype.rows;
        this.probabilities = prototype.probabilities;
        this.uniform = prototype.uniform;
        this.inner = prototype.inner;
        this.outerAxis = prototype.outerAxis.copy();
        this.innerAxis = prototype.innerAxis.copy();
        this.sampleWeights = new double[prototype.sampleWeights.length];
        this.outerWeights = new double[sampleWeights.length];
        this.outerPositions = new int[sampleWeights.length];
        this.innerPositions = new int[sampleWeights.length];
        this.colours = new int[sampleWeights.length];
    }

    PhaseSampler(DataPhase phase, TrainingColors colors, List<Concept> concepts, List<String> properties, int batch) {
        this.phase = phase;
        this.colors = colors;
        this.rows = colors.rows();
        int n = colors.size();
        this.probabilities = new double[concepts.size()][n];
        for (int k = 0; k < concepts.size(); k++) {
            for (int i = 0; i < n; i++) probabilities[k][i] = concepts.get(k).labelProbability(colors.color(i));
        }
        this.uniform = phase.weight() == SamplingWeight.UNIFORM && phase.curriculum().isEmpty();

        this.sampleWeights = new double[batch];
        this.outerWeights = new double[batch];
        this.outerPositions = new int[batch];
        this.innerPositions = new int[batch];
        this.colours = new int[batch];
        double[] base = new double[n];
        for (int i = 0; i < n; i++) base[i] = phase.weight().of(colors, i);
        List<double[]> measures = new ArrayList<>();
        for (CurriculumFactor f : phase.curriculum()) {
            double[] m = new double[n];
            for (int i = 0; i < n; i++) m[i] = f.measure().of(colors, i);
            measures.add(m);
        }
        int outer = colors.outer();
        int in = colors.inner();
        boolean separable = outer > 1 && (dependsOn(base, in) != null);
        for (double[] m : measures) separable &= dependsOn(m, in) != null;
        if (!separable) {
            outer = 1;
            in = n;
        }
        this.inner = in;
        List<WeightedAxis.Factor> outerFactors = new ArrayList<>();
        List<WeightedAxis.Factor> innerFactors = new ArrayList<>();
        double[] outerBase = new double[outer];
        java.util.Arrays.fill(outerBase, 1);
        double[] innerBase = base;
        if (separable) {
            Boolean innerOnly = dependsOn(base, in);
            innerBase = innerOnly ? firstRow(base, in) : ones(in);
            if (!innerOnly) outerBase = column(base, in, outer);
        }
        for (int f = 0; f < measures.size(); f++) {
            double[] m = measures.get(f);
            int property = properties.indexOf(phase.curriculum().get(f).property());
            if (!separable || dependsOn(m, in)) {
                innerFactors.add(new WeightedAxis.Factor(separable ? firstRow(m, in) : m, property));
            } else {
                outerFactors.add(new WeightedAxis.Factor(column(m, in, outer), property));
            }
        }
        this.outerAxis = new WeightedAxis(outer, outerBase, outerFactors);
        this.innerAxis = new WeightedAxis(in, innerBase, innerFactors);
    }

    /**
     * Whether {@code values} (one per colour, colour = a·inner + b) depend on b alone (true; also constants), on a
     * alone (false), or on both (null).
     */
    private static Boolean dependsOn(double[] values, int inner) {
        boolean innerOnly = true, outerOnly = true;
        for (int i = 0; i < values.length && (innerOnly || outerOnly); i++) {
            if (values[i] != values[i % inner]) innerOnly = false;
            if (values[i] != values[i - i % inner]) outerOnly = false;
        }
        if (innerOnly) return true;
        if (outerOnly) return false;
        return null;
    }

    private static double[] firstRow(double[] values, int inner) {
        return java.util.Arrays.copyOf(values, inner);
    }

    private static double[] column(double[] values, int inner, int outer) {
        double[] out = new double[outer];
        for (int a = 0; a < outer; a++) out[a] = values[a * inner];
        return out;
    }

    private static double[] ones(int n) {
        double[] out = new double[n];
        java.util.Arrays.fill(out, 1);
        return out;
    }

    DataPhase phase() {
        return phase;
    }

    /** Samples per batch: the phase's batch size, or every colour of a full phase. */
    int batchSize() {
        return phase.full() ? colors.size() : phase.batchSize();
    }

    /** The weight classes of the (outer, inner) axes, for tests and the README's figures. */
    int[] classes() {
        return new int[] {outerAxis.classes(), innerAxis.classes()};
    }

    /** The (outer, inner) axes, for tests. */
    WeightedAxis[] axes() {
        return new WeightedAxis[] {outerAxis, innerAxis};
    }

    /**
     * Draws the next batch into {@code rows}/{@code labels}, counting labels into {@code labelCounts}, and the
     * per-sample loss weights into {@code lossWeights} when the phase weights losses.
     *
     * @return whether {@code lossWeights} were written
     */
    boolean next(SplittableRandom rng, double[] properties, float[] out, float[][] labels, long[] labelCounts,
                 float[] lossWeights) {
        int b = batchSize();
        boolean weighted = phase.lossWeighting() == LossWeighting.SAMPLING;
        boolean byWeight = !uniform && !phase.full();
        if (!uniform || weighted) {
            outerAxis.update(properties);
            innerAxis.update(properties);
            byWeight &= !outerAxis.allZero() && !innerAxis.allZero(); // else uniform, as the reference's sampler
        }
        double sum = 0; // Σ sampleWeights, summed while they are made where the batch is drawn by weight
        if (byWeight && outerAxis.exact() && innerAxis.exact()) {
            WeightedAxis.drawExact(rng, b, outerAxis, innerAxis, colours, weighted ? sampleWeights : null);
            for (int i = 0; i < b; i++) take(rng, i, colours[i], out, labels, labelCounts);
            if (weighted) for (int i = 0; i < b; i++) sum += sampleWeights[i];
        } else if (byWeight) {
            outerAxis.drawBatch(rng, b, outerPositions, outerWeights);
            innerAxis.drawBatch(rng, b, innerPositions, sampleWeights);
            for (int i = 0; i < b; i++) {
                int idx = outerPositions[i] * inner + innerPositions[i];
                sum += sampleWeights[i] *= outerWeights[i];
                take(rng, i, idx, out, labels, labelCounts);
            }
        } else {
            for (int i = 0; i < b; i++) {
                int idx = phase.full() ? i : rng.nextInt(rows.length / 3);
                if (weighted) {
                    sampleWeights[i] = outerAxis.curriculumWeight(idx / inner) * innerAxis.curriculumWeight(idx % inner);
                }
                take(rng, i, idx, out, labels, labelCounts);
            }
        }
        if (!weighted) return false;
        if (!byWeight) for (int i = 0; i < b; i++) sum += sampleWeights[i];
        if (sum > 1e-6) {
            double scale = 1 / sum;
            for (int i = 0; i < b; i++) lossWeights[i] = (float) (sampleWeights[i] * scale);
        } else {
            java.util.Arrays.fill(lossWeights, 0, b, 1f / b);
        }
        return true;
    }

    /** Sample i of the batch is colour idx: its row, and per concept a Bernoulli label drawn now. */
    private void take(SplittableRandom rng, int i, int idx, float[] out, float[][] labels, long[] labelCounts) {
        out[3 * i] = rows[3 * idx];
        out[3 * i + 1] = rows[3 * idx + 1];
        out[3 * i + 2] = rows[3 * idx + 2];
        for (int k = 0; k < probabilities.length; k++) {
            boolean label = rng.nextDouble() < probabilities[k][idx];
            labels[k][i] = label ? 1f : 0f;
            if (label) labelCounts[k]++;
        }
    }
}
