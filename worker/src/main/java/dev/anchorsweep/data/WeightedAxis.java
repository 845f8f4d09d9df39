package dev.anchorsweep.data;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Draws positions of one axis of a colour set with probability ∝ base × Π levels_f(measure_f), the levels given by
 * data property values that may change every step. Positions whose base and measures are equal form a class (the
 * 3,600-colour HSV cube's (s, v) axis has 91, its hue axis 11), whose weight is computed once; a position is drawn
 * from an alias table over the positions (Vose: O(1) per draw) built exactly at the current values, from 32 random
 * bits (a sample of a two-axis set draws both axes from one 64-bit random number).
 *
 * <p>The table is a pure function of the axis and its values, so the runs of a pack (whose values agree at every
 * step unless a rule moves one) share it through {@link SamplingTables}: built once per pack and step, not once per
 * run and step. A run whose values hold still keeps its table; a run whose values no table is kept for builds its
 * own, with the same bits. Where the weights are all zero the caller draws uniformly, as the reference's sampler does.
 */
final class WeightedAxis {

    /** One factor: its measure per position, and the index of its data property (−1: the fixed base weight). */
    record Factor(double[] values, int property) {}

    /** The same object in every copy: the key of this axis's tables in a pack's {@link SamplingTables}. */
    private final Object identity;
    private final int[] classOf;
    private final int[] count;
    /** Per class: the base weight of each of its positions (negative ones as 0). */
    private final double[] base;
    /** [curriculum factor][class] measure values, and each curriculum factor's property index. */
    private final double[][] measure;
    private final int[] property;
    /** Whether the axis has exactly one curriculum factor, and its measure per class. */
    private final boolean single;
    private final double[] measure0;

    /** This run's values per factor, and their levels: in_low, 1/(1 − in_low), out_low, 1 − out_low. */
    private final double[] current;
    private final double[] currentLevels;
    private boolean updated;
    /** The table at the current values (a pack's, or {@link #own}), and this run's own, built when needed. */
    private AliasTable table;
    private AliasTable own;
    private int last;
    /** Vose's work arrays: per class its weight, per position its scaled weight, the small and the large. */
    private final double[] classWeight;
    private final double[] scratch;
    private final int[] small;
    private final int[] large;

    WeightedAxis(int positions, double[] baseWeights, List<Factor> curriculum) {
        this.identity = new Object();
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
        this.base = new double[c];
        this.measure = new double[curriculum.size()][c];
        for (int p = 0; p < positions; p++) {
            base[classOf[p]] = Math.max(0, baseWeights[p]);
            for (int f = 0; f < curriculum.size(); f++) measure[f][classOf[p]] = curriculum.get(f).values()[p];
        }
        int n = curriculum.size();
        this.single = n == 1;
        this.measure0 = n == 1 ? measure[0] : null;
        this.current = new double[n];
        this.currentLevels = new double[4 * n];
        this.classWeight = new double[c];
        this.scratch = new double[positions];
        this.small = new int[positions];
        this.large = new int[positions];
    }

    /** A fresh axis of another run: the classes (immutable) shared, the values and tables its own. */
    WeightedAxis copy() {
        return new WeightedAxis(this);
    }

    private WeightedAxis(WeightedAxis shared) {
        this.identity = shared.identity;
        this.classOf = shared.classOf;
        this.count = shared.count;
        this.base = shared.base;
        this.measure = shared.measure;
        this.property = shared.property;
        this.single = shared.single;
        this.measure0 = shared.measure0;
        int n = property.length, c = count.length, positions = classOf.length;
        this.current = new double[n];
        this.currentLevels = new double[4 * n];
        this.classWeight = new double[c];
        this.scratch = new double[positions];
        this.small = new int[positions];
        this.large = new int[positions];
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

    Object identity() {
        return identity;
    }

    /** Takes the data property values {@code values} as current, without tables shared with other runs. */
    void update(double[] values) {
        update(0, values, SamplingTables.unshared());
    }

    /**
     * Takes the data property values {@code values} of step {@code step} as current: nothing to do while they hold
     * still; else the pack's table for them, or one of its own.
     */
    void update(int step, double[] values, SamplingTables tables) {
        boolean changed = !updated;
        for (int f = 0; f < property.length; f++) {
            if (values[property[f]] != current[f]) changed = true;
        }
        if (!changed) return;
        updated = true;
        for (int f = 0; f < property.length; f++) {
            current[f] = values[property[f]];
            setLevels(currentLevels, f, current[f]);
        }
        table = tables.at(this, step, current);
        if (table == null) {
            if (own == null) own = newTable();
            build(own);
            tables.builtPrivately();
            table = own;
        }
    }

    /** Whether the weights at the current values are all zero (then the caller draws uniformly). */
    boolean allZero() {
        return table.empty;
    }

    AliasTable newTable() {
        return new AliasTable(property.length, count.length, classOf.length);
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
        if (single) return level(levels, measure0[k]);
        double w = 1;
        for (int f = 0; f < property.length; f++) {
            double alpha = (measure[f][k] - levels[4 * f]) * levels[4 * f + 1];
            alpha = alpha > 0 ? (alpha < 1 ? alpha : 1) : 0; // clamp to [0, 1] (cheaper than Math.min/max)
            w *= levels[4 * f + 2] + alpha * levels[4 * f + 3];
        }
        return w;
    }

    /**
     * Builds into {@code out} the exact alias table of the positions at the current values: the weights per class
     * (O(classes)), then Vose's method over the positions (so that a draw needs no second step for the member).
     */
    void build(AliasTable out) {
        System.arraycopy(current, 0, out.values, 0, current.length);
        int c = count.length, n = classOf.length;
        double total = 0;
        double[] weights = out.weights;
        for (int k = 0; k < c; k++) {
            weights[k] = weight(currentLevels, k);
            classWeight[k] = base[k] * weights[k];
            total += classWeight[k] * count[k];
        }
        out.empty = !(total > 0);
        if (out.empty) return;
        // Vose's alias method
        int s = 0, l = 0;
        double scale = n / total;
        for (int p = 0; p < n; p++) {
            double x = scratch[p] = classWeight[classOf[p]] * scale;
            if (x < 1) small[s++] = p;
            else large[l++] = p;
        }
        long[] cells = out.cells;
        while (s > 0 && l > 0) {
            int less = small[--s], more = large[--l];
            cells[less] = (long) (scratch[less] * TWO_32) << 32 | more;
            scratch[more] = scratch[more] + scratch[less] - 1;
            if (scratch[more] < 1) small[s++] = more;
            else large[l++] = more;
        }
        while (l > 0) {
            int p = large[--l];
            cells[p] = OWN << 32 | p;
        }
        while (s > 0) { // only by rounding
            int p = small[--s];
            cells[p] = OWN << 32 | p;
        }
    }

    private static final double TWO_32 = 4294967296.0;
    /** The threshold of a cell that is its own class whatever the fraction (its alias is itself). */
    private static final long OWN = 0xFFFFFFFFL;

    /** Σ over positions of base × Π levels at the current values (O(classes)). */
    double total() {
        double total = 0;
        for (int k = 0; k < count.length; k++) total += base[k] * count[k] * weight(currentLevels, k);
        return total;
    }

    /**
     * A position drawn ∝ its weight at the current values (not all zero: see {@link #allZero}) from 32 uniform
     * random bits: times the number of cells they give the cell (high word) and a uniform 32-bit fraction within it
     * (low word), which picks the cell's own position (below its threshold) or its alias, without a branch. (The
     * fraction's resolution is cells/2³², the error of a position's probability at most that.)
     */
    int draw(int bits) {
        long[] cells = table.cells;
        long product = (bits & 0xFFFFFFFFL) * cells.length;
        int cell = (int) (product >>> 32);
        long entry = cells[cell];
        int alias = (int) entry;
        int p = alias + (int) (((product & 0xFFFFFFFFL) - (entry >>> 32)) >>> 63) * (cell - alias);
        last = p;
        return p;
    }

    /** A position drawn ∝ its weight at the current values from one 64-bit random number's high half. */
    int draw(SplittableRandom rng) {
        return draw((int) (rng.nextLong() >>> 32));
    }

    /** The curriculum weight (Π levels, without the base) at the current values of the last drawn position. */
    double lastWeight() {
        return table.weights[classOf[last]];
    }

    /** The curriculum weight Π levels of a position (without the base) at the current values. */
    double curriculumWeight(int position) {
        return weight(currentLevels, classOf[position]);
    }
}
