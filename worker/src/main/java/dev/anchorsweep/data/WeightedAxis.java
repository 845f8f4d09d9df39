package dev.anchorsweep.data;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Draws positions of one axis of a colour set with probability ∝ base × Π levels_f(measure_f), the levels given by
 * data property values that may change every step. Positions whose base and measures are equal form a class (the
 * 3,600-colour HSV cube's (s, v) axis has 91, its hue axis at most 36), so a change of the property values costs one
 * pass over the classes, not the colours: class masses, their running sums and a guide table (Chen & Asau) that
 * finds the drawn class in O(1) expected time; then a uniform member of the class.
 */
final class WeightedAxis {

    /** One factor: its measure per position, and the index of its data property (−1: the fixed base weight). */
    record Factor(double[] values, int property) {}

    private final int positions;
    private final int[] classOf;
    private final int[] start;
    private final int[] count;
    private final int[] members;
    private final double[] base;
    /** [curriculum factor][class] measure values, and each curriculum factor's property index. */
    private final double[][] measure;
    private final int[] property;
    private final double[] lastValues;
    private boolean fresh;
    /** Per class: the curriculum weight Π levels (without the base), the mass base·Π·count, the running sums. */
    private final double[] curriculumWeight;
    private final double[] mass;
    private final double[] cdf;
    private final int[] guide;
    private double total;
    private final Levels[] levels;

    WeightedAxis(int positions, double[] baseWeights, List<Factor> curriculum) {
        this.positions = positions;
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
        this.base = new double[c];
        this.measure = new double[curriculum.size()][c];
        for (int p = 0; p < positions; p++) {
            base[classOf[p]] = baseWeights[p];
            for (int f = 0; f < curriculum.size(); f++) measure[f][classOf[p]] = curriculum.get(f).values()[p];
        }
        this.lastValues = new double[curriculum.size()];
        this.levels = new Levels[curriculum.size()];
        this.fresh = true;
        this.curriculumWeight = new double[c];
        this.mass = new double[c];
        this.cdf = new double[c];
        this.guide = new int[c];
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

    /** Brings the class weights up to the data property values {@code values}; a no-op when none of ours changed. */
    void update(double[] values) {
        boolean changed = fresh;
        for (int f = 0; f < property.length && !changed; f++) changed = values[property[f]] != lastValues[f];
        if (!changed) return;
        fresh = false;
        for (int f = 0; f < property.length; f++) {
            lastValues[f] = values[property[f]];
            levels[f] = Levels.ofFraction(lastValues[f]);
        }
        int c = count.length;
        double sum = 0;
        for (int k = 0; k < c; k++) {
            double w = 1;
            for (int f = 0; f < levels.length; f++) w *= levels[f].apply(measure[f][k]);
            curriculumWeight[k] = w;
            double m = Math.max(0, base[k] * w) * count[k];
            mass[k] = m;
            sum += m;
            cdf[k] = sum;
        }
        total = sum;
        int k = 0;
        for (int j = 0; j < c; j++) {
            double threshold = sum * j / c;
            while (k < c - 1 && cdf[k] <= threshold) k++;
            guide[j] = k;
        }
    }

    /** Σ over positions of base × Π levels, after {@link #update}. */
    double total() {
        return total;
    }

    /** A position drawn ∝ its weight (after {@link #update}, with a positive {@link #total}). */
    int draw(SplittableRandom rng) {
        double r = rng.nextDouble();
        double u = r * total;
        int c = guide[Math.min(count.length - 1, (int) (r * count.length))];
        while (c > 0 && cdf[c - 1] > u) c--;
        while (c < count.length - 1 && cdf[c] <= u) c++;
        while (mass[c] == 0 && c > 0) c--; // u rounded up to the total: the last class with mass
        return count[c] == 1 ? members[start[c]] : members[start[c] + rng.nextInt(count[c])];
    }

    /** A position drawn uniformly. */
    int drawUniform(SplittableRandom rng) {
        return positions == 1 ? 0 : rng.nextInt(positions);
    }

    /** The curriculum weight Π levels of a position (without the base), after {@link #update}. */
    double curriculumWeight(int position) {
        return curriculumWeight[classOf[position]];
    }
}
