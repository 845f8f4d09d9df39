package dev.anchorsweep.data;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Draws positions of one axis of a colour set with probability ∝ base × Π levels_f(measure_f), the levels given by
 * data property values that may change every step. Positions whose base and measures are equal form a class (the
 * 3,600-colour HSV cube's (s, v) axis has 91, its hue axis at most 36); a class is drawn, then a uniform member.
 *
 * <p>Classes are drawn by rejection from a proposal built for <em>reference</em> property values at or above the
 * current ones: every level is non-decreasing in its property's value ({@link Levels}), so a class's weight now is at
 * most its weight at the reference, and a class proposed from the reference's alias table (Vose: O(1) per draw) and
 * accepted with probability w_now/w_ref is drawn exactly ∝ w_now. A change of the values then costs nothing; the
 * proposal is rebuilt (O(classes)) only when a value rises above its reference (the new reference is a little ahead,
 * {@link #AHEAD}), when the acceptance rate falls below {@link #MIN_ACCEPTANCE}, or, exactly at the current values,
 * when the values hold still for a step (then every proposal is accepted). Where the weights are all but zero,
 * {@link #total()} is exact and the caller draws uniformly, as the reference's sampler does.
 */
final class WeightedAxis {

    /** How far above the current value a rebuilt reference is set (fractions above 1 act as 1). */
    static final double AHEAD = 0.03;
    /** Below this share of accepted proposals (after {@link #PROBE} proposals) the proposal is rebuilt. */
    static final double MIN_ACCEPTANCE = 0.6;
    static final int PROBE = 64;
    /** Axes of at most this many classes rebuild their table exactly at every change of the values. */
    static final int SMALL = 32;
    /** Consecutive rejections after which the weights are checked for being all zero. */
    static final int MAX_REJECTIONS = 1000;

    /** One factor: its measure per position, and the index of its data property (−1: the fixed base weight). */
    record Factor(double[] values, int property) {}

    private final int[] classOf;
    private final int[] start;
    private final int[] count;
    private final int[] members;
    /** Per class: base × count. */
    private final double[] baseMass;
    /** [curriculum factor][class] measure values, and each curriculum factor's property index. */
    private final double[][] measure;
    private final int[] property;
    /** The current and the reference levels per factor: in_low, 1/(1 − in_low), out_low, 1 − out_low. */
    private final double[] current;
    private final double[] currentLevels;
    private final double[] reference;
    private final double[] referenceLevels;
    private boolean built;
    /** Whether the current values equal the reference (every proposal is accepted). */
    private boolean exact;
    /**
     * The alias table over the classes at the reference (each cell's own-class probability as a 32-bit threshold),
     * and each class's curriculum weight there.
     */
    private final long[] threshold;
    private final double[] prob;
    private final int[] alias;
    private final double[] referenceWeight;
    /** 1 / referenceWeight (0 where it is 0: never proposed). */
    private final double[] inverseReference;
    /** The curriculum weight at the current values of the last drawn position's class. */
    private double lastWeight;
    private final double[] scratch;
    private final int[] small;
    private final int[] large;
    private double referenceTotal;
    private long proposed;
    private long accepted;
    /** Per factor: the largest measure of a class with a positive base; whether the current weights are all zero. */
    private final double[] maxMeasure;
    private final double baseTotal;
    /** Whether the axis has exactly one curriculum factor, and its measure per class. */
    private final boolean single;
    private final double[] measure0;
    private boolean allZero;

    WeightedAxis(int positions, double[] baseWeights, List<Factor> curriculum) {
        this.property = curriculum.stream().mapToInt(Factor::property).toArray();
        Map<Key, Integer> classes = new HashMap<>();
        this.classOf = new int[positions];
        for (int p = 0; p < positions; p++) {
            double[] key = new double[curriculum.size() + 1];
            key[0] = baseWeights[p];
            for (int f = 0; f < curriculum.size(); f++) key[f + 1] = curriculum.get(f).values()[p];
            classOf[p] = classes.computeIfAbsent(new Key(key), k -> classes.size());
        }
        int c = classes.size();
        this.count = new int[c];
        for (int p = 0; p < positions; p++) count[classOf[p]]++;
        this.start = new int[c];
        for (int k = 1; k < c; k++) start[k] = start[k - 1] + count[k - 1];
        this.members = new int[positions];
        int[] fill = start.clone();
        for (int p = 0; p < positions; p++) members[fill[classOf[p]]++] = p;
        this.baseMass = new double[c];
        this.measure = new double[curriculum.size()][c];
        for (int p = 0; p < positions; p++) {
            baseMass[classOf[p]] = Math.max(0, baseWeights[p]) * count[classOf[p]];
            for (int f = 0; f < curriculum.size(); f++) measure[f][classOf[p]] = curriculum.get(f).values()[p];
        }
        int n = curriculum.size();
        this.current = new double[n];
        this.currentLevels = new double[4 * n];
        this.reference = new double[n];
        this.referenceLevels = new double[4 * n];
        this.prob = new double[c];
        this.threshold = new long[c];
        this.alias = new int[c];
        this.referenceWeight = new double[c];
        this.inverseReference = new double[c];
        this.scratch = new double[c];
        this.small = new int[c];
        this.large = new int[c];
        this.baseTotal = Arrays.stream(baseMass).sum();
        this.single = n == 1;
        this.measure0 = n == 1 ? measure[0] : null;
        this.maxMeasure = new double[n];
        Arrays.fill(maxMeasure, Double.NEGATIVE_INFINITY);
        for (int k = 0; k < c; k++) {
            if (baseMass[k] <= 0) continue;
            for (int f = 0; f < n; f++) maxMeasure[f] = Math.max(maxMeasure[f], measure[f][k]);
        }
    }

    /** A fresh axis of another run: the classes (immutable) shared, the weights and tables its own. */
    WeightedAxis copy() {
        return new WeightedAxis(this);
    }

    private WeightedAxis(WeightedAxis shared) {
        this.classOf = shared.classOf;
        this.start = shared.start;
        this.count = shared.count;
        this.members = shared.members;
        this.baseMass = shared.baseMass;
        this.measure = shared.measure;
        this.property = shared.property;
        this.maxMeasure = shared.maxMeasure;
        this.baseTotal = shared.baseTotal;
        this.single = shared.single;
        this.measure0 = shared.measure0;
        int n = property.length, c = count.length;
        this.current = new double[n];
        this.currentLevels = new double[4 * n];
        this.reference = new double[n];
        this.referenceLevels = new double[4 * n];
        this.prob = new double[c];
        this.threshold = new long[c];
        this.alias = new int[c];
        this.referenceWeight = new double[c];
        this.inverseReference = new double[c];
        this.scratch = new double[c];
        this.small = new int[c];
        this.large = new int[c];
    }

    private record Key(double[] values) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(values, k.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }
    }

    int classes() {
        return count.length;
    }

    /** Takes the data property values {@code values} as current; rebuilds the proposal only where it must. */
    void update(double[] values) {
        boolean changed = !built;
        boolean above = !built;
        for (int f = 0; f < property.length; f++) {
            double v = values[property[f]];
            if (v != current[f]) changed = true;
            if (fraction(v) > fraction(reference[f])) above = true;
        }
        if (!changed) {
            // the values hold still: from now on propose exactly from them (no rejections until they move again)
            if (!exact) rebuild(false);
            return;
        }
        for (int f = 0; f < property.length; f++) {
            current[f] = values[property[f]];
            setLevels(currentLevels, f, current[f]);
        }
        allZero = zero();
        if (count.length <= SMALL) {
            rebuild(false); // a few classes: an exact table every step costs less than the rejections
        } else if (above) {
            rebuild(true);
        } else {
            exact = Arrays.equals(current, reference);
        }
    }

    /**
     * Whether every position's weight is 0 at the current values: a level is 0 only below in_low with out_low 0, so
     * with one such factor it is enough to compare its largest measure; with several, the weights are summed.
     */
    private boolean zero() {
        int zeroable = 0;
        boolean below = false;
        for (int f = 0; f < property.length; f++) {
            if (currentLevels[4 * f + 2] > 0) continue;
            zeroable++;
            below |= maxMeasure[f] <= currentLevels[4 * f];
        }
        if (zeroable == 0) return !(baseTotal > 0);
        if (zeroable == 1) return below || !(baseTotal > 0);
        return !(total() > 0);
    }

    /** Whether the weights at the current values are all zero (then the caller draws uniformly). */
    boolean allZero() {
        return allZero;
    }

    /** A property value as the levels read it: clamped to [0, 1] (numpy.interp holds the ends). */
    private static double fraction(double v) {
        return Math.min(1, Math.max(0, v));
    }

    private static void setLevels(double[] out, int f, double value) {
        Levels l = Levels.ofFraction(value);
        boolean constant = Math.abs(l.inLow() - 1) < 1e-10; // Levels.apply's constant (out_low + 1)/2
        out[4 * f] = constant ? 0 : l.inLow();
        out[4 * f + 1] = constant ? 0 : 1 / (1 - l.inLow());
        out[4 * f + 2] = constant ? (l.outLow() + 1) / 2 : l.outLow();
        out[4 * f + 3] = constant ? 0 : 1 - l.outLow();
    }

    /** The level of one measure value x at levels[0..3] (the one factor of a single-factor axis). */
    private static double level(double[] levels, double x) {
        double alpha = (x - levels[0]) * levels[1];
        alpha = alpha > 0 ? (alpha < 1 ? alpha : 1) : 0;
        return levels[2] + alpha * levels[3];
    }

    /** Π levels of class k's measures ({@link Levels#apply}, the division as a product: equal up to the last bit). */
    private double weight(double[] levels, int k) {
        double w = 1;
        for (int f = 0; f < property.length; f++) {
            double alpha = (measure[f][k] - levels[4 * f]) * levels[4 * f + 1];
            alpha = alpha > 0 ? (alpha < 1 ? alpha : 1) : 0; // clamp to [0, 1] (cheaper than Math.min/max)
            w *= levels[4 * f + 2] + alpha * levels[4 * f + 3];
        }
        return w;
    }

    /** Builds the proposal's alias table at the current values, or a little ahead of them. */
    private void rebuild(boolean ahead) {
        built = true;
        for (int f = 0; f < property.length; f++) {
            double v = current[f];
            reference[f] = ahead && v < 1 ? Math.min(1, Math.max(0, v) + AHEAD) : v;
            setLevels(referenceLevels, f, reference[f]);
        }
        exact = Arrays.equals(current, reference);
        int c = count.length;
        double total = 0;
        for (int k = 0; k < c; k++) {
            referenceWeight[k] = weight(referenceLevels, k);
            inverseReference[k] = referenceWeight[k] > 0 ? 1 / referenceWeight[k] : 0;
            scratch[k] = baseMass[k] * referenceWeight[k];
            total += scratch[k];
        }
        referenceTotal = total;
        proposed = 0;
        accepted = 0;
        if (!(total > 0)) return;
        // Vose's alias method
        int s = 0, l = 0;
        for (int k = 0; k < c; k++) {
            scratch[k] = scratch[k] * c / total;
            if (scratch[k] < 1) small[s++] = k;
            else large[l++] = k;
        }
        while (s > 0 && l > 0) {
            int less = small[--s], more = large[--l];
            prob[less] = scratch[less];
            alias[less] = more;
            scratch[more] = scratch[more] + scratch[less] - 1;
            if (scratch[more] < 1) small[s++] = more;
            else large[l++] = more;
        }
        while (l > 0) {
            int k = large[--l];
            prob[k] = 1;
            alias[k] = k;
        }
        while (s > 0) { // only by rounding
            int k = small[--s];
            prob[k] = 1;
            alias[k] = k;
        }
        for (int k = 0; k < c; k++) threshold[k] = prob[k] >= 1 ? 1L << 32 : (long) (prob[k] * TWO_32);
    }

    private static final double TWO_32 = 4294967296.0;
    private static final double INVERSE_TWO_32 = 1 / TWO_32;

    /** Σ over positions of base × Π levels at the current values (O(classes)). */
    double total() {
        double total = 0;
        for (int k = 0; k < count.length; k++) total += baseMass[k] * weight(currentLevels, k);
        return total;
    }

    /**
     * A position drawn ∝ its weight at the current values, or −1 when they are all zero (then the caller draws
     * uniformly). The class is proposed from the alias table (one uniform: the cell and, from its fraction, the cell's
     * own class or its alias) and accepted with probability w_now/w_ref; the member is uniform.
     */
    int draw(SplittableRandom rng) {
        if (exact && referenceTotal > 0) {
            // one 64-bit draw: its high half times c gives the cell (high word) and a uniform 32-bit fraction within
            // it (low word), which picks the cell's own class or its alias without a branch (a coin flip); its low
            // half picks the member
            long bits = rng.nextLong();
            long product = (bits >>> 32) * threshold.length;
            int cell = (int) (product >>> 32);
            int own = (int) (((product & 0xFFFFFFFFL) - threshold[cell]) >>> 63);
            int k = alias[cell] + own * (cell - alias[cell]);
            lastWeight = referenceWeight[k];
            return members[start[k] + (int) (((bits & 0xFFFFFFFFL) * count[k]) >>> 32)];
        }
        return drawByRejection(rng);
    }

    /** {@link #draw} where the current values are below the reference: proposals accepted with w_now/w_ref. */
    private int drawByRejection(SplittableRandom rng) {
        int c = count.length;
        for (int rejected = 0; ; rejected++) {
            if (rejected == MAX_REJECTIONS) {
                if (!(total() > 1e-12 * Math.max(1, referenceTotal))) return -1;
                rebuild(false);
                if (exact) return draw(rng);
            }
            if (!(referenceTotal > 0)) return -1;
            long bits = rng.nextLong();
            long product = (bits >>> 32) * c;
            int cell = (int) (product >>> 32);
            int own = (int) (((product & 0xFFFFFFFFL) - threshold[cell]) >>> 63);
            int k = alias[cell] + own * (cell - alias[cell]);
            proposed++;
            double now = single ? level(currentLevels, measure0[k]) : weight(currentLevels, k);
            if (!((bits & 0xFFFFFFFFL) * INVERSE_TWO_32 < now * inverseReference[k])) {
                if (proposed >= PROBE && accepted < MIN_ACCEPTANCE * proposed) {
                    rebuild(false);
                    if (exact) return draw(rng);
                }
                continue;
            }
            accepted++;
            lastWeight = now;
            int n = count[k];
            return n == 1 ? members[start[k]] : members[start[k] + (int) (((rng.nextLong() >>> 32) * n) >>> 32)];
        }
    }

    /** The curriculum weight (Π levels, without the base) at the current values of the last drawn position. */
    double lastWeight() {
        return lastWeight;
    }

    /** The curriculum weight Π levels of a position (without the base) at the current values. */
    double curriculumWeight(int position) {
        return weight(currentLevels, classOf[position]);
    }
}
