package dev.anchorsweep.data;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExactTablesTest {

    private static final int N = 100;

    private static WeightedAxis axis() {
        double[] base = new double[N], measure = new double[N];
        SplittableRandom init = new SplittableRandom(3);
        for (int p = 0; p < N; p++) {
            base[p] = init.nextDouble();
            measure[p] = init.nextDouble();
        }
        return new WeightedAxis(N, base, List.of(new WeightedAxis.Factor(measure, 0)));
    }

    private static double value(int t) {
        return 0.1 + 0.9 * t / 299.0;
    }

    /** The table built afresh at {@code value}: what every kept one must equal. */
    private static AliasTable fresh(WeightedAxis axis, double value) {
        AliasTable t = axis.newTable();
        axis.build(new double[] {value}, t);
        return t;
    }

    /** The cells of {@code t}. */
    private static long[] cells(AliasTable t) {
        return java.util.Arrays.copyOfRange(t.cells, t.offset, t.offset + t.size);
    }

    @Test
    void eachValuesTableIsBuiltOnceAndFoundNextInOrderOrByValue() {
        WeightedAxis axis = axis();
        ExactTables tables = new ExactTables();
        List<AliasTable> first = new ArrayList<>();
        AliasTable last = null;
        for (int t = 0; t < 300; t++) first.add(last = tables.at(value(t), last, axis));
        assertEquals(300, tables.built());
        for (int t = 0; t < 300; t++) {
            assertArrayEquals(cells(fresh(axis, value(t))), cells(first.get(t)), "t = " + t);
            assertEquals(t, first.get(t).sequence);
        }
        last = null; // a second run: every table found, in order (after the first, which the map finds)
        for (int t = 0; t < 300; t++) assertSame(first.get(t), last = tables.at(value(t), last, axis), "t = " + t);
        last = first.get(299); // backwards and skipping: found by value
        for (int t = 298; t >= 0; t -= 3) assertSame(first.get(t), last = tables.at(value(t), last, axis), "t = " + t);
        assertSame(first.get(150), tables.at(value(150), first.get(10), axis)); // the next one's value differs
        assertEquals(300, tables.built());
    }

    @Test
    void aSpentBudgetForgetsTheTablesAndBuildsTheSameAgain() {
        WeightedAxis axis = axis();
        ExactTables tables = new ExactTables(10 * axis.tableBytes()); // room for 10
        AliasTable[] first = new AliasTable[300];
        AliasTable last = null;
        for (int t = 0; t < 300; t++) first[t] = last = tables.at(value(t), last, axis);
        assertEquals(300, tables.built());
        last = null;
        for (int t = 0; t < 300; t++) {
            AliasTable again = last = tables.at(value(t), last, axis);
            if (t < 290) assertNotSame(first[t], again, "t = " + t); // forgotten, built again …
            assertArrayEquals(cells(first[t]), cells(again), "t = " + t); // … the same
            assertArrayEquals(cells(fresh(axis, value(t))), cells(again), "t = " + t);
        }
        assertTrue(tables.built() >= 590, "built " + tables.built());
    }

    @Test
    void theBytesOfAllAxesAreCountedAndAnAxisThatForgetsTakesItsOwnOff() {
        WeightedAxis axis = axis();
        long size = axis.tableBytes();
        ExactTables tables = new ExactTables(10 * size), other = new ExactTables();
        long before = ExactTables.allBytes();
        AliasTable last = null;
        for (int t = 0; t < 10; t++) last = tables.at(value(t), last, axis);
        for (int t = 0; t < 5; t++) other.at(value(t), null, axis);
        assertEquals(before + 15 * size, ExactTables.allBytes());
        tables.at(value(10), last, axis); // over its budget: its 10 forgotten, the new one kept
        assertEquals(before + 6 * size, ExactTables.allBytes());
    }

    @Test
    void runsOnTwoThreadsAtOnceDrawWhatEachDrawsAlone() throws Exception {
        WeightedAxis prototype = axis();
        int runs = 16;
        int[][] alone = new int[runs][];
        for (int r = 0; r < runs; r++) alone[r] = draws(axis().copy(), r); // each run with tables of its own
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<int[]>> together = new ArrayList<>();
            for (int r = 0; r < runs; r++) {
                int run = r;
                together.add(pool.submit(() -> draws(prototype.copy(), run))); // all sharing the prototype's
            }
            for (int r = 0; r < runs; r++) assertArrayEquals(alone[r], together.get(r).get(), "run " + r);
        } finally {
            pool.shutdown();
        }
        assertEquals(300, prototype.exactTablesBuilt()); // each value's table built once, by whichever run came first
    }

    /** Run {@code seed}'s draws over the 300 values, 32 per value. */
    private static int[] draws(WeightedAxis axis, int seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] out = new int[300 * 32];
        int[] positions = new int[32];
        double[] weights = new double[32];
        for (int t = 0; t < 300; t++) {
            axis.update(new double[] {value(t)});
            assertTrue(axis.exact());
            axis.drawBatch(rng, 32, positions, weights);
            System.arraycopy(positions, 0, out, 32 * t, 32);
        }
        return out;
    }
}
