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
 * <p>A position is proposed from the alias table (Vose: O(1) per draw) of <em>reference</em> values — each fraction
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
    /** The exact tables of values asked for more than once, shared by every copy; null unless one factor. */
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
    /** The shared tables this copy has used, by key, where the axis has one factor (else null). */
    private final AliasTable[] seen;
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
    /** Per class w_now/w_ref for the batch (1 everywhere: {@link #ones}, shared by the copies), and w_now. */
    private final double[] ratio;
    private final double[] ones;
    private double[] batchRatio;
    private double[] batchNow;

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
        this.exactTables = n == 1 ? new ExactTables() : null;
        this.current = new double[n];
        this.currentLevels = new double[4 * n];
        this.classWeight = new double[c];
        this.levels = new double[4 * n];
        this.scratch = new double[positions];
        this.small = new int[positions];
        this.large = new int[positions];
        this.now = new double[c];
        this.ratio = new double[c];
        this.ones = new double[c];
        Arrays.fill(ones, 1);
        this.seen = n == 1 && proposals != null ? new AliasTable[ProposalTables.GRID + 1] : null;
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
        this.ratio = new double[c];
        this.ones = shared.ones;
        this.seen = shared.seen == null ? null : new AliasTable[shared.seen.length];
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
        AliasTable exactTable = exactTables == null ? null : exactTables.at(current[0], this);
        if (exactTable != null) { // the levels are computed only where asked for
            allZero = exactTable.empty;
            table = exactTable;
            tableKey = -1;
            exact = true;
            return;
        }
        allZero = zero();
        if (allZero) return;
        long key = proposals == null ? -1 : ProposalTables.key(current);
        if (key >= 0 && key == tableKey) {
            exact = atCurrent(table);
            return;
        }
        AliasTable shared = key < 0 ? null : sharedTable(key);
        if (shared == null) {
            buildOwn();
        } else {
            table = shared;
            tableKey = key;
            exact = atCurrent(table);
        }
    }

    /**
     * The shared reference table of {@code key}: of a one-factor axis from this copy's own array by key (a run visits
     * each reference of its schedule once per step it holds, and a map lookup per change costs a boxed key), else
     * from the shared map.
     */
    private AliasTable sharedTable(long key) {
        if (seen == null) return proposals.at(key, this);
        AliasTable t = seen[(int) key];
        if (t == null) t = seen[(int) key] = proposals.at(key, this);
        return t;
    }

    /** Whether {@code t} was built at the current values (a loop: Arrays.equals costs a call per step). */
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
        return 96 + 8L * (property.length + 2 * count.length + classOf.length);
    }

    AliasTable newTable() {
        return new AliasTable(property.length, count.length, classOf.length);
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
        for (int k = 0; k < c; k++) {
            weights[k] = weight(levels, k);
            out.inverse[k] = weights[k] > 0 ? 1 / weights[k] : 0;
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
            int p = position(table.cells, bits);
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
     * their curriculum weights (Π levels, without the base) into {@code weights}: each sample's first proposal from the
     * high half of one random number ({@link #propose}), made in one loop over the batch; the samples whose proposal
     * was rejected are drawn again afterwards by {@link #draw}, in order. An axis of one position takes no random
     * number.
     */
    void drawBatch(SplittableRandom rng, int b, int[] positions, double[] weights) {
        if (classOf.length == 1) {
            fillOne(b, positions, weights);
            return;
        }
        int mode = startBatch(b);
        int[] rejects = rejects(b);
        int r = 0;
        for (int i = 0; i < b; i++) {
            rejects[r] = i;
            r += propose(mode, rng.nextLong() >>> 32, i, positions, weights);
        }
        redraw(rng, r, positions, weights);
    }

    /**
     * Draws a batch of {@code b} from two independent axes at once, one random number per sample: its high half
     * proposes the {@code outer} position, its low half the {@code inner} one ({@link #propose}); each axis's rejected
     * samples are then drawn again by {@link #draw}, the outer axis's first. Each axis's positions follow its own
     * weights exactly, as with {@link #drawBatch}, and the two are independent (disjoint bits, then fresh numbers).
     */
    static void drawPair(SplittableRandom rng, int b, WeightedAxis outer, int[] outerPositions, double[] outerWeights,
                         WeightedAxis inner, int[] innerPositions, double[] innerWeights) {
        if (outer.classOf.length == 1 || inner.classOf.length == 1) {
            outer.drawBatch(rng, b, outerPositions, outerWeights);
            inner.drawBatch(rng, b, innerPositions, innerWeights);
            return;
        }
        int outerMode = outer.startBatch(b), innerMode = inner.startBatch(b);
        int[] outerRejects = outer.rejects(b), innerRejects = inner.rejects(b);
        int ro = 0, ri = 0;
        if (outerMode == TABLED && innerMode == TABLED) {
            long[] oCells = outer.table.cells, iCells = inner.table.cells;
            int[] oClass = outer.classOf, iClass = inner.classOf;
            double[] oNow = outer.batchNow, oRatio = outer.batchRatio, iNow = inner.batchNow, iRatio = inner.batchRatio;
            for (int i = 0; i < b; i++) {
                long x = rng.nextLong();
                outerRejects[ro] = i;
                ro += tabled(x >>> 32, oCells, oClass, oNow, oRatio, i, outerPositions, outerWeights);
                innerRejects[ri] = i;
                ri += tabled(x & 0xFFFFFFFFL, iCells, iClass, iNow, iRatio, i, innerPositions, innerWeights);
            }
        } else {
            for (int i = 0; i < b; i++) {
                long x = rng.nextLong();
                outerRejects[ro] = i;
                ro += outer.propose(outerMode, x >>> 32, i, outerPositions, outerWeights);
                innerRejects[ri] = i;
                ri += inner.propose(innerMode, x & 0xFFFFFFFFL, i, innerPositions, innerWeights);
            }
        }
        outer.redraw(rng, ro, outerPositions, outerWeights);
        inner.redraw(rng, ri, innerPositions, innerWeights);
    }

    /**
     * Whether {@link #drawJoint} can draw from {@code outer} × {@code inner} at the current values: both have several
     * positions and few enough classes for a batch of {@code b} to take its weights and acceptance from per-class
     * arrays.
     */
    static boolean joint(int b, WeightedAxis outer, WeightedAxis inner) {
        return outer.classOf.length > 1 && inner.classOf.length > 1 && outer.tabled(b) && inner.tabled(b);
    }

    /**
     * Draws a batch of {@code b} colours of the product outer × inner (colour = outer position · inner positions +
     * inner position) ∝ w_outer·w_inner at the current values, where {@link #joint} says so: into {@code colours} the
     * colours, into {@code weights} their curriculum weights (the product of both axes' Π levels, without the base).
     * One random number per proposal: its high half picks the outer position, its low half the inner one and, from
     * where its fraction fell within its branch ({@link #tabled}), accepts the pair where
     * u &lt; width·(w_now/w_ref)_outer·(w_now/w_ref)_inner. Proposals ∝ w_ref,outer·w_ref,inner accepted so are
     * drawn exactly ∝ w_now,outer·w_now,inner: the two axes independent, each as its own weights say. The samples
     * rejected in the loop over the batch are drawn again afterwards, in order, until accepted.
     *
     * @param weigh whether to write {@code weights} (only the loss weighting reads them)
     */
    static void drawJoint(SplittableRandom rng, int b, WeightedAxis outer, WeightedAxis inner, int[] colours,
                          double[] weights, boolean weigh) {
        if (outer.exact && inner.exact) {
            drawExact(rng, b, outer, inner, colours, weights, weigh);
            return;
        }
        outer.startBatch(b);
        inner.startBatch(b);
        int[] rejects = inner.rejects(b);
        int r = 0;
        long[] oCells = outer.table.cells, iCells = inner.table.cells;
        long oCount = oCells.length, iCount = iCells.length;
        int[] oClass = outer.classOf, iClass = inner.classOf;
        int innerSize = iClass.length;
        double[] oNow = outer.batchNow, oRatio = outer.batchRatio, iNow = inner.batchNow, iRatio = inner.batchRatio;
        for (int i = 0; i < b; i++) {
            long x = rng.nextLong();
            long oProduct = (x >>> 32) * oCount;
            int oCell = (int) (oProduct >>> 32);
            long oEntry = oCells[oCell];
            int oAlias = (int) oEntry;
            int o = oAlias + (int) (((oProduct & 0xFFFFFFFFL) - (oEntry >>> 32)) >>> 63) * (oCell - oAlias);
            int ko = oClass[o];
            long iProduct = (x & 0xFFFFFFFFL) * iCount;
            int iCell = (int) (iProduct >>> 32);
            long fraction = iProduct & 0xFFFFFFFFL;
            long iEntry = iCells[iCell];
            long threshold = iEntry >>> 32;
            int iAlias = (int) iEntry;
            long own = (fraction - threshold) >>> 63; // 1 below the threshold
            int p = iAlias + (int) own * (iCell - iAlias);
            int ki = iClass[p];
            long notOwn = 1 - own;
            long width = threshold + notOwn * (TWO_32_BITS - 2 * threshold);
            long u = fraction - notOwn * threshold;
            colours[i] = o * innerSize + p;
            if (weigh) weights[i] = oNow[ko] * iNow[ki];
            rejects[r] = i;
            r += (double) u < (double) width * (oRatio[ko] * iRatio[ki]) ? 0 : 1;
        }
        for (int j = 0; j < r; j++) redrawJoint(rng, rejects[j], outer, inner, colours, weights);
    }

    /** {@link #drawJoint} where both axes' tables are exact at the current values: every proposal accepted. */
    private static void drawExact(SplittableRandom rng, int b, WeightedAxis outer, WeightedAxis inner, int[] colours,
                                  double[] weights, boolean weigh) {
        outer.proposed += b;
        inner.proposed += b;
        long[] oCells = outer.table.cells, iCells = inner.table.cells;
        long oCount = oCells.length, iCount = iCells.length;
        int innerSize = inner.classOf.length;
        for (int i = 0; i < b; i++) {
            long x = rng.nextLong();
            colours[i] = position(oCells, oCount, x >>> 32) * innerSize + position(iCells, iCount, x & 0xFFFFFFFFL);
        }
        if (!weigh) return;
        double[] oWeights = outer.table.weights, iWeights = inner.table.weights;
        int[] oClass = outer.classOf, iClass = inner.classOf;
        for (int i = 0; i < b; i++) {
            weights[i] = oWeights[oClass[colours[i] / innerSize]] * iWeights[iClass[colours[i] % innerSize]];
        }
    }

    /** The position of the alias table {@code cells} (of {@code count} cells) that 32 uniform random bits pick. */
    private static int position(long[] cells, long count, long bits) {
        long product = bits * count;
        int cell = (int) (product >>> 32);
        long entry = cells[cell];
        int alias = (int) entry;
        return alias + (int) (((product & 0xFFFFFFFFL) - (entry >>> 32)) >>> 63) * (cell - alias);
    }

    /**
     * Sample i of {@link #drawJoint} drawn again until a proposal is accepted; after {@link #MAX_REJECTIONS} in a row
     * both axes build their own exact tables (then the next proposal is accepted).
     */
    private static void redrawJoint(SplittableRandom rng, int i, WeightedAxis outer, WeightedAxis inner, int[] colours,
                                    double[] weights) {
        int innerSize = inner.classOf.length;
        for (int rejected = 0; ; rejected++) {
            long x = rng.nextLong();
            outer.proposed++;
            inner.proposed++;
            long[] oCells = outer.table.cells, iCells = inner.table.cells;
            long oProduct = (x >>> 32) * oCells.length;
            int oCell = (int) (oProduct >>> 32);
            long oEntry = oCells[oCell];
            int o = (oProduct & 0xFFFFFFFFL) < (oEntry >>> 32) ? oCell : (int) oEntry;
            int ko = outer.classOf[o];
            long iProduct = (x & 0xFFFFFFFFL) * iCells.length;
            int iCell = (int) (iProduct >>> 32);
            long fraction = iProduct & 0xFFFFFFFFL;
            long iEntry = iCells[iCell];
            long threshold = iEntry >>> 32;
            boolean own = fraction < threshold;
            int p = own ? iCell : (int) iEntry;
            int ki = inner.classOf[p];
            long width = own ? threshold : TWO_32_BITS - threshold;
            long u = own ? fraction : fraction - threshold;
            if ((double) u < (double) width * (outer.batchRatio[ko] * inner.batchRatio[ki])) {
                colours[i] = o * innerSize + p;
                weights[i] = outer.batchNow[ko] * inner.batchNow[ki];
                return;
            }
            if (rejected == MAX_REJECTIONS) {
                outer.buildOwn();
                inner.buildOwn();
                outer.startBatch(0);
                inner.startBatch(0);
            }
        }
    }

    private void fillOne(int b, int[] positions, double[] weights) {
        double w = curriculumWeight(0);
        for (int i = 0; i < b; i++) positions[i] = 0;
        for (int i = 0; i < b; i++) weights[i] = w;
    }

    /**
     * How a batch's proposals get their weight now and their acceptance: from per-class arrays (the table's own where
     * it is exact, all accepted; else each class's weight and w_now/w_ref computed once per batch where the classes
     * are few, ≤ {@link #TABLED_CLASSES_PER_SAMPLE} per sample), or per sample (one level, unclamped where in_low is 0
     * and the measures lie in [0, 1]: the same bits; or Π levels).
     */
    private static final int TABLED = 0, SINGLE = 1, UNCLAMPED = 2, GENERAL = 3;
    private static final int TABLED_CLASSES_PER_SAMPLE = 4;

    /** Whether a batch of {@code b} takes its weights and acceptance from per-class arrays ({@link #TABLED}). */
    private boolean tabled(int b) {
        return exact || count.length <= TABLED_CLASSES_PER_SAMPLE * b;
    }

    /** Counts a batch of {@code b} proposals and prepares its {@link #TABLED mode}. */
    private int startBatch(int b) {
        proposed += b;
        if (exact) {
            batchNow = table.weights;
            batchRatio = ones;
            return TABLED;
        }
        double[] currentLevels = levels();
        if (tabled(b)) {
            double[] now = this.now, ratio = this.ratio, inverse = table.inverse;
            if (single) {
                double[] m = measure0;
                double low = currentLevels[0], slope = currentLevels[1], outLow = currentLevels[2], range = currentLevels[3];
                for (int k = 0; k < now.length; k++) {
                    double w = outLow + Math.max(0, Math.min(1, (m[k] - low) * slope)) * range;
                    now[k] = w;
                    ratio[k] = w * inverse[k];
                }
            } else {
                for (int k = 0; k < now.length; k++) ratio[k] = (now[k] = weight(currentLevels, k)) * inverse[k];
            }
            batchNow = now;
            batchRatio = ratio;
            return TABLED;
        }
        if (!single) return GENERAL;
        return unitMeasures && currentLevels[0] == 0 && currentLevels[1] == 1 ? UNCLAMPED : SINGLE;
    }

    private int[] rejects(int b) {
        if (rejects.length < b) rejects = new int[b];
        return rejects;
    }

    /**
     * Sample i's first proposal from 32 uniform random bits ({@code bits}): times the number of cells, the cell (high
     * word) and a uniform 32-bit fraction within it (low word), which picks the cell's own position (below its
     * threshold t) or its alias without a branch. Where the fraction fell within its branch is again uniform (u in
     * [0, t) or [t, 2³²), of width t or 2³² − t) and independent of the pick: the proposal is accepted where
     * u &lt; width·w_now/w_ref, the acceptance test without a random number of its own. Each position's probability is
     * off by at most one part in 2³² of a cell, as the pick's. Writes the position and its weight now.
     *
     * @return 1 where the proposal is rejected (the caller then draws sample i again), else 0
     */
    private static int tabled(long bits, long[] cells, int[] classOf, double[] now, double[] ratio, int i,
                              int[] positions, double[] weights) {
        long product = bits * cells.length;
        int cell = (int) (product >>> 32);
        long fraction = product & 0xFFFFFFFFL;
        long entry = cells[cell];
        long threshold = entry >>> 32;
        int alias = (int) entry;
        long own = (fraction - threshold) >>> 63; // 1 below the threshold
        int p = alias + (int) own * (cell - alias);
        int k = classOf[p];
        positions[i] = p;
        weights[i] = now[k];
        long notOwn = 1 - own;
        long width = threshold + notOwn * (TWO_32_BITS - 2 * threshold);
        long u = fraction - notOwn * threshold;
        return (double) u < (double) width * ratio[k] ? 0 : 1;
    }

    /** {@link #tabled}'s proposal, its weight had as {@code mode} says. */
    private int propose(int mode, long bits, int i, int[] positions, double[] weights) {
        if (mode == TABLED) return tabled(bits, table.cells, classOf, batchNow, batchRatio, i, positions, weights);
        long[] cells = table.cells;
        long product = bits * cells.length;
        int cell = (int) (product >>> 32);
        long fraction = product & 0xFFFFFFFFL;
        long entry = cells[cell];
        long threshold = entry >>> 32;
        int alias = (int) entry;
        long own = (fraction - threshold) >>> 63;
        int p = alias + (int) own * (cell - alias);
        int k = classOf[p];
        double w = switch (mode) {
            case UNCLAMPED -> currentLevels[2] + measure0[k] * currentLevels[3];
            case SINGLE -> level(currentLevels, measure0[k]);
            default -> weight(currentLevels, k);
        };
        positions[i] = p;
        weights[i] = w;
        long notOwn = 1 - own;
        long width = threshold + notOwn * (TWO_32_BITS - 2 * threshold);
        long u = fraction - notOwn * threshold;
        return (double) u * table.weights[k] < w * (double) width ? 0 : 1;
    }

    private static final long TWO_32_BITS = 1L << 32;

    /** Draws again, in order, the {@code r} samples listed in {@link #rejects}. */
    private void redraw(SplittableRandom rng, int r, int[] positions, double[] weights) {
        for (int j = 0; j < r; j++) {
            int i = rejects[j];
            positions[i] = draw(rng);
            weights[i] = lastWeight;
        }
    }

    /**
     * The position of the alias table {@code cells} that the high half of {@code bits} picks: times the number of
     * cells, the cell (high word) and a uniform 32-bit fraction within it (low word), which selects the cell's own
     * position (below its threshold) or its alias without a branch.
     */
    private static int position(long[] cells, long bits) {
        long product = (bits >>> 32) * cells.length;
        int cell = (int) (product >>> 32);
        long entry = cells[cell];
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
