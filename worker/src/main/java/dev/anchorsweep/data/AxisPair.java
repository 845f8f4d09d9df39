package dev.anchorsweep.data;

import java.util.SplittableRandom;

/**
 * Draws a batch of colours of a separable colour set (colour = outer position × inner + inner position) with both
 * axes at once: one proposal per sample is a pair of positions, each from its axis's proposal table, accepted with
 * probability (w_now(outer)·w_now(inner)) / (w_ref(outer)·w_ref(inner)) — each factor ≤ 1, as on one axis
 * ({@link WeightedAxis}), so an accepted pair is drawn exactly ∝ base × w_now on both axes. One 64-bit random number
 * gives both positions (its high half the outer cell and fraction, its low half the inner), a second the acceptance
 * (53 bits, only where a table is off the current values); a sample whose pair is rejected is drawn again afterwards,
 * each axis by its own exact {@link WeightedAxis#draw} (independent exact draws: the pair is exact too). One loop over
 * the batch, one acceptance test per sample: about half the work of drawing the axes apart and combining them.
 *
 * <p>Applies where the outer axis has few classes (its weights computed once per batch) and the inner one has few
 * classes too, or one factor (its level computed per sample); {@link #applies} says so for a batch size.
 */
final class AxisPair {

    private final WeightedAxis outer;
    private final WeightedAxis inner;
    /** Samples whose first proposal was rejected. */
    private int[] rejects = new int[0];

    AxisPair(WeightedAxis outer, WeightedAxis inner) {
        this.outer = outer;
        this.inner = inner;
    }

    /** Whether batches of {@code b} are drawn here: both axes of several positions, the outer's classes few. */
    static boolean applies(WeightedAxis outer, WeightedAxis inner, int b) {
        return outer.positions() > 1 && inner.positions() > 1 && 2 * outer.classes() <= b
                && (inner.single() || 2 * inner.classes() <= b);
    }

    /**
     * Draws {@code b} colours ∝ their weights at the axes' current values (neither all zero) into {@code colours}
     * (outer position × inner positions + inner position) and their curriculum weights (Π levels of both axes,
     * without the base) into {@code weights}.
     */
    void draw(SplittableRandom rng, int b, int[] colours, double[] weights) {
        long[] outerCells = outer.cells(), innerCells = inner.cells();
        double[] outerReference = outer.referenceWeights(), innerReference = inner.referenceWeights();
        int[] outerClass = outer.classOf(), innerClass = inner.classOf();
        int n = inner.positions();
        double[] outerNow = outer.classWeightsNow();
        long s = rng.nextLong(); // the batch's SplitMix64 state: its numbers mix64(s + γ), mix64(s + 2γ) …
        outer.countProposals(b);
        inner.countProposals(b);
        if (outer.exact() && inner.exact()) { // every proposal accepted: one random number per sample
            for (int i = 0; i < b; i++) {
                long x = mix64(s += GAMMA);
                int o = WeightedAxis.position32(outerCells, x >>> 32);
                int p = WeightedAxis.position32(innerCells, x & 0xFFFFFFFFL);
                colours[i] = o * n + p;
                weights[i] = outerReference[outerClass[o]] * innerReference[innerClass[p]];
            }
            return;
        }
        int[] rejects = this.rejects;
        if (rejects.length < b) rejects = this.rejects = new int[b];
        int r = 0;
        if (!inner.single() || inner.exact()) { // the inner weights per class, like the outer's
            double[] innerNow = inner.classWeightsNow();
            for (int i = 0; i < b; i++) {
                long x = mix64(s += GAMMA);
                int o = WeightedAxis.position32(outerCells, x >>> 32);
                int p = WeightedAxis.position32(innerCells, x & 0xFFFFFFFFL);
                int ko = outerClass[o], ki = innerClass[p];
                double w = outerNow[ko] * innerNow[ki];
                colours[i] = o * n + p;
                weights[i] = w;
                rejects[r] = i;
                r += (mix64(s += GAMMA) >>> 11) * 0x1p-53 * (outerReference[ko] * innerReference[ki]) < w ? 0 : 1;
            }
        } else { // one factor over many classes: its level per sample
            double[] m = inner.measures();
            double[] levels = inner.currentLevels();
            double low = levels[0], slope = levels[1], outLow = levels[2], range = levels[3];
            boolean unclamped = inner.unitMeasures() && low == 0 && slope == 1; // (m − 0)·1 = m in [0, 1]
            for (int i = 0; i < b; i++) {
                long x = mix64(s += GAMMA);
                int o = WeightedAxis.position32(outerCells, x >>> 32);
                int p = WeightedAxis.position32(innerCells, x & 0xFFFFFFFFL);
                int ko = outerClass[o], ki = innerClass[p];
                double alpha = unclamped ? m[ki] : Math.max(0, Math.min(1, (m[ki] - low) * slope));
                double w = outerNow[ko] * (outLow + alpha * range);
                colours[i] = o * n + p;
                weights[i] = w;
                rejects[r] = i;
                r += (mix64(s += GAMMA) >>> 11) * 0x1p-53 * (outerReference[ko] * innerReference[ki]) < w ? 0 : 1;
            }
        }
        for (int j = 0; j < r; j++) { // rare (~1 %): from the run's stream
            int i = rejects[j];
            int o = outer.draw(rng);
            double w = outer.lastWeight();
            colours[i] = o * n + inner.draw(rng);
            weights[i] = w * inner.lastWeight();
        }
    }

    /** SplittableRandom's golden gamma: the increment of a SplitMix64 state. */
    private static final long GAMMA = 0x9e3779b97f4a7c15L;

    /** SplitMix64's output function (SplittableRandom's mix64, Stafford's variant 13). */
    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
