package dev.anchorsweep.data;

import java.util.SplittableRandom;

/**
 * Draws a batch of colours of a separable colour set (colour = outer position × inner + inner position) with both
 * axes at once: one proposal per sample is a pair of positions, each from its axis's proposal table, accepted with
 * probability (w_now(outer)·w_now(inner)) / (w_ref(outer)·w_ref(inner)) — each factor ≤ 1, as on one axis
 * ({@link WeightedAxis}), so an accepted pair is drawn exactly ∝ base × w_now on both axes. One 64-bit random number
 * gives both positions (its high half the outer cell and fraction, its low half the inner), a second the acceptance
 * (only where a table is off the current values); a sample whose pair is rejected is drawn again afterwards, each axis
 * by its own exact {@link WeightedAxis#draw} (independent exact draws: the pair is exact too). The batch's numbers
 * come from a SplitMix64 state seeded by one number of the run's stream, kept in a register (the stream's own state
 * is a field: a store and a load per number). One loop over the batch that reads one packed array per axis: the
 * batch's work, and the cache lines it needs after a training step evicted them, both about halved against drawing
 * the axes apart.
 *
 * <p>Applies where both axes have several positions, at most 2¹⁶ each ({@link #applies}).
 */
final class AxisPair {

    private final WeightedAxis outer;
    private final WeightedAxis inner;
    /** Samples whose first proposal the squeeze left uncertain. */
    private int[] rejects = new int[0];
    /** Their acceptance random numbers, and each sample's outer position. */
    private long[] uniforms = new long[0];
    private int[] outerPositions = new int[0];

    AxisPair(WeightedAxis outer, WeightedAxis inner) {
        this.outer = outer;
        this.inner = inner;
    }

    /** Whether this draws from {@code outer} × {@code inner}: both of several positions, at most 2¹⁶ each. */
    static boolean applies(WeightedAxis outer, WeightedAxis inner) {
        return outer.positions() > 1 && inner.positions() > 1 && outer.positions() <= 1 << 16
                && inner.positions() <= 1 << 16;
    }

    /**
     * Draws {@code b} colours ∝ their weights at the axes' current values (neither all zero) into {@code colours}
     * (outer position × inner positions + inner position) and, where {@code weights} is not null (the caller weights
     * its losses), their curriculum weights (Π levels of both axes, without the base). A proposal reads only the two
     * packed tables ({@link AliasTable#packed}): its positions, and its squeeze, a lower bound of its acceptance
     * probability; a 32-bit uniform below the squeeze accepts it without computing w_now (all but about one sample a
     * batch while the values move), the others are tested exactly, with the same uniform's 53 bits. The colours do
     * not depend on whether weights are asked for.
     */
    void draw(SplittableRandom rng, int b, int[] colours, double[] weights) {
        long[] outerCells = outer.packed(), innerCells = inner.packed();
        int n = inner.positions();
        if (rejects.length < b) {
            rejects = new int[b];
            uniforms = new long[b];
            outerPositions = new int[b];
        }
        int[] rejects = this.rejects, outerPositions = this.outerPositions;
        long[] uniforms = this.uniforms;
        long s = rng.nextLong(); // the batch's SplitMix64 state: its numbers mix64(s + γ), mix64(s + 2γ) …
        outer.countProposals(b);
        inner.countProposals(b);
        boolean outerExact = outer.exact(), innerExact = inner.exact();
        int r = 0;
        if (outerExact && innerExact) { // every proposal accepted: one random number per sample
            for (int i = 0; i < b; i++) {
                long x = mix64(s += GAMMA);
                int o = WeightedAxis.packedPosition(outerCells, x >>> 32);
                colours[i] = o * n + WeightedAxis.packedPosition(innerCells, x & 0xFFFFFFFFL);
                outerPositions[i] = o;
            }
        } else {
            // an exact axis accepts all its proposals: its squeeze taken as 2¹⁶ (1), without a branch
            long outerMask = outerExact ? 0 : 0xFFFF, outerOne = outerExact ? 1 << 16 : 0;
            long innerMask = innerExact ? 0 : 0xFFFF, innerOne = innerExact ? 1 << 16 : 0;
            for (int i = 0; i < b; i++) {
                long x = mix64(s += GAMMA);
                int o = WeightedAxis.packedPosition(outerCells, x >>> 32);
                int p = WeightedAxis.packedPosition(innerCells, x & 0xFFFFFFFFL);
                long squeeze = (outerCells[o] >>> 16 & outerMask | outerOne) * (innerCells[p] >>> 16 & innerMask | innerOne);
                long u = mix64(s += GAMMA);
                colours[i] = o * n + p;
                outerPositions[i] = o;
                rejects[r] = i;
                uniforms[r] = u;
                r += (u >>> 32) < squeeze ? 0 : 1;
            }
        }
        int[] outerClass = outer.classOf(), innerClass = inner.classOf();
        if (weights != null) weigh(b, colours, weights);
        // the uncertain: accepted where u·w_ref < w_now (u < squeeze implies it: the squeeze is the same test's bound)
        double[] outerReference = outer.referenceWeights(), innerReference = inner.referenceWeights();
        for (int j = 0; j < r; j++) {
            int i = rejects[j], o = outerPositions[i];
            int ko = outerClass[o], ki = innerClass[colours[i] - o * n];
            double w = outer.weightNow(ko) * inner.weightNow(ki);
            if ((uniforms[j] >>> 11) * 0x1p-53 * (outerReference[ko] * innerReference[ki]) < w) continue;
            o = outer.draw(rng); // rejected: both axes drawn exactly, from the run's stream
            double wo = outer.lastWeight();
            colours[i] = o * n + inner.draw(rng);
            if (weights != null) weights[i] = wo * inner.lastWeight();
        }
    }

    /** The curriculum weights of the colours drawn: the outer axis's per class, the inner's per sample or class. */
    private void weigh(int b, int[] colours, double[] weights) {
        int[] outerClass = outer.classOf(), innerClass = inner.classOf();
        int[] outerPositions = this.outerPositions;
        int n = inner.positions();
        double[] outerNow = outer.classWeightsNow();
        if (inner.single() && !inner.exact()) { // its one level per sample, as WeightedAxis#level
            double[] m = inner.measures();
            double[] levels = inner.currentLevels();
            double low = levels[0], slope = levels[1], outLow = levels[2], range = levels[3];
            for (int i = 0; i < b; i++) {
                int o = outerPositions[i];
                double alpha = Math.max(0, Math.min(1, (m[innerClass[colours[i] - o * n]] - low) * slope));
                weights[i] = outerNow[outerClass[o]] * (outLow + alpha * range);
            }
        } else {
            double[] innerNow = inner.classWeightsNow();
            for (int i = 0; i < b; i++) {
                int o = outerPositions[i];
                weights[i] = outerNow[outerClass[o]] * innerNow[innerClass[colours[i] - o * n]];
            }
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
