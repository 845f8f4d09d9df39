package dev.anchorsweep.data;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Draws positions of one axis of a colour set with probability ∝ base × Π levels_f(measure_f), the levels given by
 * data property values that may change every step. Positions whose base and measures are equal form a class (the
 * 3,600-colour HSV cube's (s, v) axis has 91, its hue axis 11), whose weight is computed once per table.
 *
 * <p>An axis of one factor and at most {@link #EXACT_MAX_POSITIONS} positions (the HSV cube's two axes) draws from the
 * exact alias table (Vose: O(1) per draw) of each value it is given: built by the first run that reaches the value and
 * shared with every copy of the axis ({@link ExactTables}: the other runs of its pack, which follow the same schedule,
 * find it next after the one they used the step before). One lookup per step, no acceptance test, no weights computed
 * per batch; a run alone builds a table per value (about a microsecond for the cube's 100 positions).
 *
 * <p>Any other axis proposes a position from the alias table of <em>reference</em> values — each fraction
 * rounded up to a multiple of 1/{@link ProposalTables#GRID} — and accepted with probability w_now/w_ref: every level is
 * non-decreasing in its property's value ({@link Levels}), so w_now ≤ w_ref and the accepted position is drawn exactly
 * ∝ w_now. The reference tables are pure functions of the axis and the reference, shared by every copy of the axis
 * ({@link ProposalTables}: every run of a pack, of every pack), so a property that moves every step costs a run no
 * table build, only a lookup when its reference changes; values on the grid (0, ½, 1 …) are drawn from their own
 * table without the acceptance test. One 64-bit random number per proposal: its high half gives the cell and its
 * fraction, its low half the acceptance. A draw rejected {@link #MAX_REJECTIONS} times in a row (a proposal far off the
 * current weights) makes the run build its own exact table at the current values. All of it depends on the run's
 * values and random numbers only, never on the other runs: a run draws the same bits alone or in any pack. Where the
 * weights are all zero the caller draws uniformly, as the reference's sampler does.
 */
final class WeightedAxis {

    /**
     * The most positions of an axis drawn from exact tables at every value (building one costs about 10 ns per
     * position, once per value for all the runs that share it; a larger axis draws from reference tables).
     */
    static final int EXACT_MAX_POSITIONS = 256;

    /** Consecutive rejections after which a run builds its own exact table at the current values. */
    static final int MAX_REJECTIONS = 32;

    /** One factor: its measure per position, and the index of its data property (−1: the fixed base weight). */
    record Factor(double[] values, int property) {}

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
    /** Whether the one factor's measures all lie in [0, 1] (then a level of in_low 0 needs no clamp). */
    private final boolean unitMeasures;
    /** Per factor: the largest measure of a class with a positive base; Σ base over positions. */
    private final double[] maxMeasure;
    private final double baseTotal;
    /** The reference tables, shared by every copy; null where the factors are too many to key. */
    private final ProposalTables proposals;
    /**
     * The exact tables at each value a run has asked for, shared by every copy; null unless the axis has one factor
     * and at most {@link #EXACT_MAX_POSITIONS} positions.
     */
    private final ExactTables exactTables;

    /** This run's values per factor, as fractions, and their levels: in_low, 1/(1 − in_low), out_low, 1 − out_low. */
    private final double[] current;
    private final double[] currentLevels;
    /** Whether {@link #currentLevels} are still those of earlier values ({@link #levels} brings them up to date). */
    private boolean levelsStale;
    private boolean updated;
    private boolean allZero;
    /** The table proposals come from, its key (−1: this run's own), and whether it is at the current values. */
    private AliasTable table;
    private long tableKey = -1;
    private boolean exact;
    /** This run's own exact table, built when its proposals are rejected too often. */
    private AliasTable own;
    private double lastWeight;
    private long proposed;
    /** Vose's work arrays: per class its weight, per position its scaled weight, the small and the large. */
    private final double[] classWeight;
    private final double[] levels;
    private final double[] scratch;
    private final int[] small;
    private final int[] large;
    /** drawBatch's rejected samples. */
    private int[] rejects = new int[0];
    /** Per class its curriculum weight at the current values, for drawBatch on an axis of few classes. */
    private final double[] now;

    WeightedAxis(int positions, double[] baseWeights, List<Factor> curriculum) {
        this(positions, baseWeights, curriculum, true);
    }

    /** @param exactTables whether an axis that may ({@link #EXACT_MAX_POSITIONS}) draws from exact tables */
    WeightedAxis(int positions, double[] baseWeights, List<Factor> curriculum, boolean exactTables) {
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
        this.unitMeasures = n == 1 && Arrays.stream(measure0).allMatch(x -> x >= 0 && x <= 1);
        this.maxMeasure = new double[n];
        Arrays.fill(maxMeasure, Double.NEGATIVE_INFINITY);
        double total = 0;
        for (int k = 0; k < c; k++) {
            total += base[k] * count[k];
            if (base[k] <= 0) continue;
            for (int f = 0; f < n; f++) maxMeasure[f] = Math.max(maxMeasure[f], measure[f][k]);
        }
        this.baseTotal = total;
        this.proposals = n <= ProposalTables.MAX_FACTORS ? new ProposalTables() : null;
        this.exactTables = exactTables && n == 1 && positions <= EXACT_MAX_POSITIONS ? new ExactTables() : null;
        this.current = new double[n];
        this.currentLevels = new double[4 * n];
        this.classWeight = new double[c];
        this.levels = new double[4 * n];
        this.scratch = new double[positions];
        this.small = new int[positions];
        this.large = new int[positions];
        this.now = new double[c];
    }

    /** A fresh axis of another run: the classes (immutable) and the reference tables shared, the rest its own. */
    WeightedAxis copy() {
        return new WeightedAxis(this);
    }

    private WeightedAxis(WeightedAxis shared) {
        this.classOf = shared.classOf;
        this.count = shared.count;
        this.base = shared.base;
        this.measure = shared.measure;
        this.property = shared.property;
        this.single = shared.single;
        this.measure0 = shared.measure0;
        this.unitMeasures = shared.unitMeasures;
        this.maxMeasure = shared.maxMeasure;
        this.baseTotal = shared.baseTotal;
        this.proposals = shared.proposals;
        this.exactTables = shared.exactTables;
        int n = property.length, c = count.length, positions = classOf.length;
        this.current = new double[n];
        this.currentLevels = new double[4 * n];
        this.classWeight = new double[c];
        this.levels = new double[4 * n];
        this.scratch = new double[positions];
        this.small = new int[positions];
        this.large = new int[positions];
        this.now = new double[c];
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

    int factors() {
        return property.length;
    }

    /** Reference tables built so far for this axis and its copies. */
    long proposalTablesBuilt() {
        return proposals == null ? 0 : proposals.built();
    }

    /** Proposals drawn by this copy so far (accepted or not). */
    long proposed() {
        return proposed;
    }

    /** Takes the data property values {@code values} as current: nothing to do while they hold still. */
    void update(double[] values) {
        boolean changed = !updated;
        for (int f = 0; f < property.length; f++) {
            if (fraction(values[property[f]]) != current[f]) changed = true;
        }
        if (!changed) return;
        updated = true;
        for (int f = 0; f < property.length; f++) current[f] = fraction(values[property[f]]);
        levelsStale = true;
        if (exactTables != null) { // the levels are computed only where asked for
            table = exactTables.at(current[0], table, this);
            tableKey = -1;
            exact = true;
            allZero = table.empty;
            return;
        }
        allZero = zero();
        if (allZero) return;
        long key = proposals == null ? -1 : ProposalTables.key(current);
        if (key >= 0 && key == tableKey) {
            exact = atCurrent(table);
            return;
        }
        AliasTable shared = key < 0 ? null : proposals.at(key, this);
        if (shared == null) {
            buildOwn();
        } else {
            table = shared;
            tableKey = key;
            exact = atCurrent(table);
        }
    }

    /** Whether {@code t} was built at the current values (a loop: Arrays.equals is a call per step). */
    private boolean atCurrent(AliasTable t) {
        for (int f = 0; f < current.length; f++) {
            if (t.values[f] != current[f]) return false;
        }
        return true;
    }

    /** The levels of the current values (in_low, 1/(1 − in_low), out_low, 1 − out_low per factor). */
    private double[] levels() {
        if (levelsStale) {
            for (int f = 0; f < property.length; f++) setLevels(currentLevels, f, current[f]);
            levelsStale = false;
        }
        return currentLevels;
    }

    private void buildOwn() {
        if (own == null) own = newTable();
        build(current, own);
        table = own;
        tableKey = -1;
        exact = true;
    }

    /**
     * Whether every position's weight is 0 at the current values: a level is 0 only below in_low with out_low 0, so
     * with one such factor it is enough to compare its largest measure; with several, the weights are summed.
     */
    private boolean zero() {
        if (!(baseTotal > 0)) return true;
        double[] currentLevels = levels();
        int zeroable = 0;
        boolean below = false;
        for (int f = 0; f < property.length; f++) {
            if (currentLevels[4 * f + 2] > 0) continue;
            zeroable++;
            below |= maxMeasure[f] <= currentLevels[4 * f];
        }
        if (zeroable == 0) return false;
        if (zeroable == 1) return below;
        return !(total() > 0);
    }

    /** Whether the weights at the current values are all zero (then the caller draws uniformly). */
    boolean allZero() {
        return allZero;
    }

    /** Bytes of one table of this axis, roughly. */
    long tableBytes() {
        return 96 + 8L * (property.length + count.length + classOf.length);
    }

    /** Exact tables built so far for this axis and its copies. */
    long exactTablesBuilt() {
        return exactTables == null ? 0 : exactTables.built();
    }

    /** Whether the table drawn from is exact at the current values (every proposal accepted). */
    boolean exact() {
        return exact;
    }

    /**
     * Draws {@code b} colours of the product outer × inner (colour = outer position · inner positions + inner
     * position) where both axes' tables are exact at the current values ({@link #exact}): one random number per
     * sample, its high half picking the outer position and its low half the inner one (each as {@link #position}),
     * so the two are independent and each follows its axis's weights. With {@code weights} (null: not asked for), the
     * samples' curriculum weights (the product of both axes' Π levels, without the base).
     */
    static void drawExact(SplittableRandom rng, int b, WeightedAxis outer, WeightedAxis inner, int[] colours,
                          double[] weights) {
        outer.proposed += b;
        inner.proposed += b;
        long[] oCells = outer.table.cells, iCells = inner.table.cells;
        int oOffset = outer.table.offset, oSize = outer.table.size, iOffset = inner.table.offset, iSize = inner.table.size;
        int innerSize = inner.classOf.length;
        if (weights == null) {
            for (int i = 0; i < b; i++) {
                long x = rng.nextLong();
                colours[i] = position(oCells, oOffset, oSize, x) * innerSize + position(iCells, iOffset, iSize, x << 32);
            }
            return;
        }
        double[] oWeights = outer.table.weights, iWeights = inner.table.weights;
        int[] oClass = outer.classOf, iClass = inner.classOf;
        for (int i = 0; i < b; i++) {
            long x = rng.nextLong();
            int o = position(oCells, oOffset, oSize, x), p = position(iCells, iOffset, iSize, x << 32);
            colours[i] = o * innerSize + p;
            weights[i] = oWeights[oClass[o]] * iWeights[iClass[p]];
        }
    }

    AliasTable newTable() {
        return new AliasTable(property.length, count.length, classOf.length);
    }

    /** A table of this axis whose cells are {@code cells[offset .. offset + positions)}. */
    AliasTable newTable(long[] cells, int offset) {
        return new AliasTable(property.length, count.length, cells, offset, classOf.length);
    }

    /** Positions of this axis (cells of each of its tables). */
    int positions() {
        return classOf.length;
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
        double alpha = Math.max(0, Math.min(1, (x - levels[0]) * levels[1])); // no branch: alpha is unpredictable
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

    /**
     * Builds into {@code out} the exact alias table of the positions at the fractions {@code values}: the weights
     * per class (O(classes)), then Vose's method over the positions (so that a draw needs no second step for the
     * member of a class).
     */
    void build(double[] values, AliasTable out) {
        System.arraycopy(values, 0, out.values, 0, values.length);
        for (int f = 0; f < values.length; f++) setLevels(levels, f, values[f]);
        int c = count.length, n = classOf.length;
        double total = 0;
        double[] weights = out.weights;
        if (single) { // one level per class, no loop over factors; level()'s four values held in locals (the stores
            // into weights, a double[] too, would make C2 load them again per class): 10 % off a build
            double[] m = measure0;
            double low = levels[0], slope = levels[1], outLow = levels[2], range = levels[3];
            for (int k = 0; k < c; k++) weights[k] = outLow + Math.max(0, Math.min(1, (m[k] - low) * slope)) * range;
        } else {
            for (int k = 0; k < c; k++) weights[k] = weight(levels, k);
        }
        for (int k = 0; k < c; k++) {
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
        int offset = out.offset;
        while (s > 0 && l > 0) {
            int less = small[--s], more = large[--l];
            cells[offset + less] = (long) (scratch[less] * TWO_32) << 32 | more;
            scratch[more] = scratch[more] + scratch[less] - 1;
            if (scratch[more] < 1) small[s++] = more;
            else large[l++] = more;
        }
        while (l > 0) {
            int p = large[--l];
            cells[offset + p] = OWN << 32 | p;
        }
        while (s > 0) { // only by rounding
            int p = small[--s];
            cells[offset + p] = OWN << 32 | p;
        }
    }

    private static final double TWO_32 = 4294967296.0;
    private static final double INVERSE_TWO_32 = 1 / TWO_32;
    /** The threshold of a cell that is its own position whatever the fraction (its alias is itself). */
    private static final long OWN = 0xFFFFFFFFL;

    /** Σ over positions of base × Π levels at the current values (O(classes)). */
    double total() {
        double[] currentLevels = levels();
        double total = 0;
        for (int k = 0; k < count.length; k++) total += base[k] * count[k] * weight(currentLevels, k);
        return total;
    }

    /**
     * A position drawn ∝ its weight at the current values (not all zero: see {@link #allZero}). Per proposal one
     * 64-bit random number: its high half times the number of cells gives the cell (high word) and a uniform 32-bit
     * fraction within it (low word), which picks the cell's own position (below its threshold) or its alias without a
     * branch (the fraction's resolution is cells/2³², a position's probability off by at most that); its low half, as
     * a uniform u, accepts the proposal where u·w_ref &lt; w_now.
     */
    int draw(SplittableRandom rng) {
        double[] currentLevels = levels();
        for (int rejected = 0; ; rejected++) {
            long bits = rng.nextLong();
            int p = position(table.cells, table.offset, table.size, bits);
            int k = classOf[p];
            proposed++;
            double reference = table.weights[k];
            if (exact) {
                lastWeight = reference;
                return p;
            }
            double now = single ? level(currentLevels, measure0[k]) : weight(currentLevels, k);
            if ((bits & 0xFFFFFFFFL) * INVERSE_TWO_32 * reference < now) {
                lastWeight = now;
                return p;
            }
            if (rejected == MAX_REJECTIONS) buildOwn(); // from now on (while the values hold) exact
        }
    }

    /**
     * Draws {@code b} positions ∝ their weights at the current values (not all zero) into {@code positions}, and
     * their curriculum weights (Π levels, without the base) into {@code weights}. Each sample's first proposal is
     * made in one loop over the batch without calls or branches on random data (one random number each: cell, alias
     * and acceptance as in {@link #draw}; on an axis of few classes each class's weight computed once per batch); the
     * samples whose proposal was rejected (listed without a branch) are drawn again afterwards by {@link #draw}, in
     * order. Every sample is still a chain of independent proposals accepted with probability w_now/w_ref: exact, and
     * a pure function of the random stream and the values. An axis of one position takes no random number.
     */
    void drawBatch(SplittableRandom rng, int b, int[] positions, double[] weights) {
        if (classOf.length == 1) {
            double w = curriculumWeight(0);
            for (int i = 0; i < b; i++) positions[i] = 0;
            for (int i = 0; i < b; i++) weights[i] = w;
            return;
        }
        int[] rejects = this.rejects;
        if (rejects.length < b) rejects = this.rejects = new int[b];
        long[] cells = table.cells;
        int offset = table.offset, size = table.size;
        double[] reference = table.weights;
        int[] classOf = this.classOf;
        double[] currentLevels = levels();
        proposed += b;
        int r = 0;
        if (exact) {
            for (int i = 0; i < b; i++) {
                int p = position(cells, offset, size, rng.nextLong());
                positions[i] = p;
                weights[i] = reference[classOf[p]];
            }
        } else if (2 * count.length <= b) { // few classes: each one's weight once per batch
            double[] now = this.now;
            for (int k = 0; k < now.length; k++) {
                now[k] = single ? level(currentLevels, measure0[k]) : weight(currentLevels, k);
            }
            for (int i = 0; i < b; i++) {
                long x = rng.nextLong();
                int p = position(cells, offset, size, x);
                int k = classOf[p];
                double w = now[k];
                positions[i] = p;
                weights[i] = w;
                rejects[r] = i;
                r += (x & 0xFFFFFFFFL) * INVERSE_TWO_32 * reference[k] < w ? 0 : 1;
            }
        } else if (single) {
            double[] m = measure0;
            double low = currentLevels[0], slope = currentLevels[1], outLow = currentLevels[2], range = currentLevels[3];
            boolean unclamped = unitMeasures && low == 0 && slope == 1; // (m − 0)·1 = m in [0, 1]: the same bits
            for (int i = 0; i < b; i++) {
                long x = rng.nextLong();
                int p = position(cells, offset, size, x);
                int k = classOf[p];
                double alpha = unclamped ? m[k] : Math.max(0, Math.min(1, (m[k] - low) * slope));
                double w = outLow + alpha * range;
                positions[i] = p;
                weights[i] = w;
                rejects[r] = i;
                r += (x & 0xFFFFFFFFL) * INVERSE_TWO_32 * reference[k] < w ? 0 : 1;
            }
        } else {
            for (int i = 0; i < b; i++) {
                long x = rng.nextLong();
                int p = position(cells, offset, size, x);
                int k = classOf[p];
                double w = weight(currentLevels, k);
                positions[i] = p;
                weights[i] = w;
                rejects[r] = i;
                r += (x & 0xFFFFFFFFL) * INVERSE_TWO_32 * reference[k] < w ? 0 : 1;
            }
        }
        for (int j = 0; j < r; j++) {
            int i = rejects[j];
            positions[i] = draw(rng);
            weights[i] = lastWeight;
        }
    }

    /**
     * The position of the alias table of {@code size} cells from {@code cells[offset]} that the high half of {@code bits} picks: times the number of
     * cells, the cell (high word) and a uniform 32-bit fraction within it (low word), which selects the cell's own
     * position (below its threshold) or its alias without a branch.
     */
    private static int position(long[] cells, int offset, int size, long bits) {
        long product = (bits >>> 32) * size;
        int cell = (int) (product >>> 32);
        long entry = cells[offset + cell];
        int alias = (int) entry;
        return alias + (int) (((product & 0xFFFFFFFFL) - (entry >>> 32)) >>> 63) * (cell - alias);
    }

    /** The curriculum weight (Π levels, without the base) at the current values of the last drawn position. */
    double lastWeight() {
        return lastWeight;
    }

    /** The curriculum weight Π levels of a position (without the base) at the current values. */
    double curriculumWeight(int position) {
        return weight(levels(), classOf[position]);
    }
}
