package dev.anchorsweep.data;

import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One weighted axis as its property value moves up and down (exact draws on the reference grid, proposals from a
 * reference above the value, a run's own exact table after many rejections): every draw ∝ base × levels at the
 * current value; the reference tables shared by the copies of an axis, each built once.
 */
class WeightedAxisTest {

    static final double[] BASE = {1, 2, 1, 0, 3, 0.5, 2};
    static final double[] MEASURE = {0, 0.5, 1, 0.8, 0.25, 0.995, 0.5};

    @Test
    void drawsFollowTheWeightsWhereverTheValueMoves() {
        drawsFollowTheWeightsWhereverTheValueMoves(true);  // from the exact table of each value
        drawsFollowTheWeightsWhereverTheValueMoves(false); // from reference tables, by acceptance where off their grid
    }

    private static void drawsFollowTheWeightsWhereverTheValueMoves(boolean exactTables) {
        WeightedAxis axis = new WeightedAxis(BASE.length, BASE, List.of(new WeightedAxis.Factor(MEASURE, 0)),
                exactTables);
        assertEquals(6, axis.classes()); // positions 1 and 6 share base and measure
        SplittableRandom rng = new SplittableRandom(11);
        double[] sequence = {0.9, 0.6, 0.2, 0.95, 0.1, 0.1, 0.45, 0.7, 0.0, 1.0, 0.3};
        for (double f : sequence) {
            axis.update(new double[] {f});
            assertFalse(axis.allZero());
            long[] counts = new long[BASE.length];
            for (int i = 0; i < 40_000; i++) counts[axis.draw(rng)]++;
            Levels levels = Levels.ofFraction(f);
            double[] expected = new double[BASE.length];
            double total = 0;
            for (int p = 0; p < BASE.length; p++) total += expected[p] = BASE[p] * levels.apply(MEASURE[p]);
            java.util.List<Double> e = new java.util.ArrayList<>();
            java.util.List<Long> o = new java.util.ArrayList<>();
            for (int p = 0; p < BASE.length; p++) {
                if (expected[p] == 0) {
                    assertEquals(0, counts[p], "f = " + f + ": position " + p + " has weight 0");
                    continue;
                }
                e.add(expected[p] / total * 40_000);
                o.add(counts[p]);
            }
            if (e.size() < 2) continue;
            double pValue = new ChiSquareTest().chiSquareTest(e.stream().mapToDouble(Double::doubleValue).toArray(),
                    o.stream().mapToLong(Long::longValue).toArray());
            assertTrue(pValue > 1e-3, "f = " + f + ": p = " + pValue);
            // the loss weight of the last draw is its level
            int p = axis.draw(rng);
            assertEquals(levels.apply(MEASURE[p]), axis.lastWeight(), 1e-12);
        }
    }

    @Test
    void valuesOffTheGridAreDrawnByRejectionAndStillFollowTheWeights() {
        // proposals from the table of a reference above the value, accepted with w_now/w_ref
        int n = 96;
        double[] base = new double[n], measure = new double[n];
        SplittableRandom init = new SplittableRandom(5);
        for (int p = 0; p < n; p++) {
            base[p] = 0.2 + init.nextDouble();
            measure[p] = p / (n - 1.0);
        }
        WeightedAxis axis = new WeightedAxis(n, base, List.of(new WeightedAxis.Factor(measure, 0)), false);
        assertEquals(n, axis.classes());
        SplittableRandom rng = new SplittableRandom(3);
        double f = 0.05;
        for (int step = 0; step < 120; step++) {
            // rising by 1/300 per step, then falling, then holding still
            f = step < 60 ? f + 1.0 / 300 : step < 100 ? f - 1.0 / 100 : f;
            axis.update(new double[] {f});
            long[] counts = new long[n];
            for (int i = 0; i < 2_000; i++) counts[axis.draw(rng)]++;
            if (step % 20 != 19) continue; // a few steps are tested, each with its own counts
            Levels levels = Levels.ofFraction(f);
            java.util.List<Double> e = new java.util.ArrayList<>();
            java.util.List<Long> o = new java.util.ArrayList<>();
            double total = 0;
            for (int p = 0; p < n; p++) total += base[p] * levels.apply(measure[p]);
            double pooledE = 0;
            long pooledO = 0;
            for (int p = 0; p < n; p++) {
                double expected = base[p] * levels.apply(measure[p]) / total * 2_000;
                if (expected == 0) {
                    assertEquals(0, counts[p], "step " + step + ": position " + p + " has weight 0");
                } else if (expected < 5) {
                    pooledE += expected;
                    pooledO += counts[p];
                } else {
                    e.add(expected);
                    o.add(counts[p]);
                }
            }
            if (pooledE > 0) {
                e.add(pooledE);
                o.add(pooledO);
            }
            if (e.size() < 2) continue; // one position left with weight (f ≤ 0): the zero checks above say it all
            double pValue = new ChiSquareTest().chiSquareTest(e.stream().mapToDouble(Double::doubleValue).toArray(),
                    o.stream().mapToLong(Long::longValue).toArray());
            assertTrue(pValue > 1e-3, "step " + step + ", f = " + f + ": p = " + pValue);
        }
    }

    @Test
    void weightsThatAreAllZeroAreToldApart() {
        double[] low = {0.2, 0.5, 0.9};
        WeightedAxis axis = new WeightedAxis(3, new double[] {1, 1, 1}, List.of(new WeightedAxis.Factor(low, 0)));
        axis.update(new double[] {0});      // in_low 0.99: every level 0
        assertTrue(axis.allZero());
        axis.update(new double[] {0.1});    // in_low 0.792: position 2 only
        assertFalse(axis.allZero());
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 100; i++) assertEquals(2, axis.draw(rng));
    }

    @Test
    void batchesFollowTheWeightsOnEveryPath() {
        // drawBatch's paths: an exact table (f on the grid), one factor over many classes (the level per sample,
        // with and without the clamp), few classes (each class's level once per batch), two factors (Π levels per
        // sample), and proposals far off the weights (redrawn by draw, which ends in the run's own table); each
        // batch's weights the drawn levels
        int n = 96;
        double[] base = new double[n], measure = new double[n], second = new double[n];
        SplittableRandom init = new SplittableRandom(5);
        for (int p = 0; p < n; p++) {
            base[p] = 0.2 + init.nextDouble();
            measure[p] = p / (n - 1.0);
            second[p] = init.nextDouble();
        }
        WeightedAxis many = new WeightedAxis(n, base, List.of(new WeightedAxis.Factor(measure, 0)), false);
        WeightedAxis few = new WeightedAxis(BASE.length, BASE, List.of(new WeightedAxis.Factor(MEASURE, 0)), false);
        WeightedAxis two = new WeightedAxis(n, base,
                List.of(new WeightedAxis.Factor(measure, 0), new WeightedAxis.Factor(second, 1)), false);
        double[] farBase = {1, 1000, 0.001}, farMeasure = {0.9881, 0.985, 1.0};
        WeightedAxis far = new WeightedAxis(3, farBase, List.of(new WeightedAxis.Factor(farMeasure, 0)), false);
        record Case(WeightedAxis axis, double[] base, double[] measure, double f, double g) {}
        List<Case> cases = List.of(new Case(many, base, measure, 0.5, 0), new Case(many, base, measure, 0.3, 0),
                new Case(many, base, measure, 0.7, 0), // in_low 0: measures in [0, 1] need no clamp
                new Case(few, BASE, MEASURE, 0.3, 0), new Case(few, BASE, MEASURE, 0.9, 0),
                new Case(two, base, measure, 0.3, 0.7), new Case(far, farBase, farMeasure, 0.001, 0));
        int b = 64;
        int[] positions = new int[b];
        double[] weights = new double[b];
        SplittableRandom rng = new SplittableRandom(17);
        for (Case c : cases) {
            c.axis().update(new double[] {c.f(), c.g()});
            // the second factor's levels folded into the base: the chi-square of the first factor then tests both
            double[] effective = c.base().clone();
            Levels second2 = Levels.ofFraction(c.g());
            if (c.axis() == two) for (int p = 0; p < n; p++) effective[p] *= second2.apply(second[p]);
            Levels levels = Levels.ofFraction(c.f());
            long[] counts = new long[effective.length];
            for (int batch = 0; batch < 1_000; batch++) {
                c.axis().drawBatch(rng, b, positions, weights);
                for (int i = 0; i < b; i++) {
                    int p = positions[i];
                    counts[p]++;
                    double level = levels.apply(c.measure()[p]) * (c.axis() == two ? second2.apply(second[p]) : 1);
                    assertEquals(level, weights[i], 1e-12, "f = " + c.f() + ": the weight of sample " + i);
                }
            }
            double p = pValue(effective, c.measure(), c.f(), counts);
            assertTrue(p > 1e-3, "f = " + c.f() + ", g = " + c.g() + ": p = " + p);
        }
        // the first batch's rejected proposals are redrawn, one run of rejections builds the table: then all exact
        assertTrue(far.proposed() < 1_000 * b + b + 2 * WeightedAxis.MAX_REJECTIONS, "proposed " + far.proposed());
    }

    /** Chi-square p of {@code counts} against base × levels(f), each position of weight 0 never drawn. */
    static double pValue(double[] base, double[] measure, double f, long[] counts) {
        Levels levels = Levels.ofFraction(f);
        double total = 0;
        for (int p = 0; p < base.length; p++) total += base[p] * levels.apply(measure[p]);
        long n = java.util.Arrays.stream(counts).sum();
        java.util.List<Double> e = new java.util.ArrayList<>();
        java.util.List<Long> o = new java.util.ArrayList<>();
        for (int p = 0; p < base.length; p++) {
            double w = base[p] * levels.apply(measure[p]);
            if (w == 0) {
                assertEquals(0, counts[p], "f = " + f + ": position " + p + " has weight 0");
                continue;
            }
            e.add(w / total * n);
            o.add(counts[p]);
        }
        return new ChiSquareTest().chiSquareTest(e.stream().mapToDouble(Double::doubleValue).toArray(),
                o.stream().mapToLong(Long::longValue).toArray());
    }

    @Test
    void aProposalFarOffTheWeightsEndsInTheRunsOwnExactTable() {
        // at f = 0.001 (in_low 0.98802) only measures above it weigh; the reference f = 1/128 (in_low 0.9745) lets
        // position 1's base of 1000 in: nearly every proposal is rejected until the axis builds its own table
        double[] base = {1, 1000, 0.001}, measure = {0.9881, 0.985, 1.0};
        WeightedAxis axis = new WeightedAxis(3, base, List.of(new WeightedAxis.Factor(measure, 0)), false);
        axis.update(new double[] {0.001});
        SplittableRandom rng = new SplittableRandom(2);
        long[] counts = new long[3];
        for (int i = 0; i < 20_000; i++) counts[axis.draw(rng)]++;
        assertTrue(axis.proposed() < 20_000 + 2 * WeightedAxis.MAX_REJECTIONS, "proposed " + axis.proposed());
        double p = pValue(base, measure, 0.001, counts);
        assertTrue(p > 1e-3, "p = " + p);
    }

    @Test
    void copiesShareEachExactTableAndDrawAsIfAlone() {
        // an axis of few positions draws from the exact table of each value: built by the first copy, found by the
        // others (next in the order they were built, or by value)
        copiesShareTablesAndDrawAsIfAlone(100, true);
    }

    @Test
    void copiesOfALargeAxisShareEachReferenceTableAndDrawAsIfAlone() {
        copiesShareTablesAndDrawAsIfAlone(WeightedAxis.EXACT_MAX_POSITIONS + 44, false);
    }

    private static void copiesShareTablesAndDrawAsIfAlone(int n, boolean exact) {
        double[] base = new double[n], measure = new double[n];
        SplittableRandom init = new SplittableRandom(9);
        for (int p = 0; p < n; p++) {
            base[p] = init.nextDouble();
            measure[p] = init.nextDouble();
        }
        WeightedAxis prototype = new WeightedAxis(n, base, List.of(new WeightedAxis.Factor(measure, 0)));
        double[] values = new double[300];
        java.util.Set<Long> references = new java.util.HashSet<>();
        for (int t = 0; t < values.length; t++) {
            values[t] = 0.2 + 0.8 * t / 299.0;  // a new value every step (from 0.2: some weight everywhere)
            references.add(ProposalTables.key(new double[] {values[t]}));
        }
        int[][] draws = new int[4][values.length * 8];
        for (int run = 0; run < draws.length; run++) {
            WeightedAxis axis = prototype.copy();
            int[] order = new int[values.length];
            for (int t = 0; t < values.length; t++) order[t] = run == 3 ? values.length - 1 - t : t; // the last backwards
            for (int t : order) {
                SplittableRandom rng = new SplittableRandom(42_000 + t);      // the same random numbers at each step
                axis.update(new double[] {values[t]});
                if (exact) assertTrue(axis.exact(), "t = " + t);
                for (int i = 0; i < 8; i++) draws[run][8 * t + i] = axis.draw(rng);
            }
            if (run == 3) continue;
            if (exact) { // the first copy built one table per value, the others none
                assertEquals(values.length, prototype.exactTablesBuilt(), "after run " + run);
                assertEquals(0, prototype.proposalTablesBuilt());
            } else { // one per reference (multiples of 1/128 from 0.2 up: 103)
                assertEquals(references.size(), prototype.proposalTablesBuilt(), "after run " + run);
                assertEquals(Math.round(0.8 * ProposalTables.GRID) + 1, references.size());
                assertEquals(0, prototype.exactTablesBuilt());
            }
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(draws[0], draws[1]);
        org.junit.jupiter.api.Assertions.assertArrayEquals(draws[0], draws[2]);
        if (exact) { // an exact table's draw depends on its value only, not on the steps before: the same backwards
            for (int t = 0; t < values.length; t++) {
                org.junit.jupiter.api.Assertions.assertArrayEquals(java.util.Arrays.copyOfRange(draws[0], 8 * t, 8 * t + 8),
                        java.util.Arrays.copyOfRange(draws[3], 8 * t, 8 * t + 8), "t = " + t);
            }
        }
        // and the draws follow the weights: at the last value (f = 1, on the grid: exact) and at one off the grid
        for (double f : new double[] {1.0, 0.3}) {
            WeightedAxis axis = prototype.copy();
            axis.update(new double[] {f});
            long[] counts = new long[n];
            SplittableRandom rng = new SplittableRandom(7);
            for (int i = 0; i < 100_000; i++) counts[axis.draw(rng)]++;
            double p = pValue(base, measure, f, counts);
            assertTrue(p > 1e-3, "f = " + f + ": p = " + p);
        }
    }
}
