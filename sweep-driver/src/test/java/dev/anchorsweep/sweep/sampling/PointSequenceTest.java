package dev.anchorsweep.sweep.sampling;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The three point sequences: the same points from the same seed, equal to values derived here independently of the
 * library (so equal on every machine), and covering the cube as each promises.
 */
class PointSequenceTest {

    /**
     * Sobol's first dimension is the van der Corput sequence in Gray-code order: point i has the bits of
     * gray(i) = i ^ (i >> 1) mirrored behind the binary point.
     */
    private static double sobolFirstDimension(long i) {
        long gray = i ^ (i >> 1);
        double x = 0;
        double bit = 0.5;
        for (long g = gray; g != 0; g >>= 1, bit /= 2) {
            if ((g & 1) == 1) x += bit;
        }
        return x;
    }

    @Test
    void sobolSkipsTheOriginAndStartsAtAHalf() {
        double[][] p = new SobolPoints().points(7, 1, 0);
        double[] first = new double[7];
        for (int i = 0; i < 7; i++) first[i] = p[i][0];
        assertArrayEquals(new double[] {0.5, 0.75, 0.25, 0.375, 0.875, 0.625, 0.125}, first);
    }

    @Test
    void sobolsFirstDimensionIsVanDerCorputInGrayCodeOrderForEverySeed() {
        for (long seed : new long[] {0, 1, 7}) {
            double[][] p = new SobolPoints().points(1000, 3, seed);
            for (int i = 0; i < 1000; i++) {
                assertEquals(sobolFirstDimension(seed * 1000 + i + 1), p[i][0], "seed " + seed + ", point " + i);
            }
        }
    }

    @Test
    void sobolsFirstPointsInTwoDimensionsAreThePublishedOnes() {
        // Joe and Kuo's second dimension (m = 1): the unscrambled sequence after (0, 0) in every published table
        double[][] expected = {{0.5, 0.5}, {0.75, 0.25}, {0.25, 0.75}, {0.375, 0.375}, {0.875, 0.875},
                {0.625, 0.125}, {0.125, 0.625}};
        double[][] p = new SobolPoints().points(7, 2, 0);
        for (int i = 0; i < expected.length; i++) assertArrayEquals(expected[i], p[i], "point " + i);
    }

    @Test
    void sobolFillsEveryStratumButTheFirstWithOneOfItsFirst63Points() {
        double[][] p = new SobolPoints().points(64, 4, 0);
        for (int d = 0; d < 4; d++) {
            int[] count = new int[64];
            for (int i = 0; i < 63; i++) count[(int) (p[i][d] * 64)]++;
            assertEquals(0, count[0], "dimension " + d + ": [0, 1/64) is the origin's stratum");
            for (int s = 1; s < 64; s++) assertEquals(1, count[s], "dimension " + d + ", stratum " + s);
        }
    }

    @Test
    void sobolCoversTheSquareFarMoreEvenlyThanRandomPoints() {
        // 64 points in an 8 × 8 grid of cells: random points leave about 64·(63/64)^64 ≈ 23 cells empty
        int sobolEmpty = emptyCells(new SobolPoints().points(64, 2, 0));
        int randomEmpty = emptyCells(new RandomPoints().points(64, 2, 0));
        assertTrue(sobolEmpty <= 1, "Sobol leaves " + sobolEmpty + " cells empty");
        assertTrue(randomEmpty > 10, "random points leave " + randomEmpty + " cells empty");
    }

    private static int emptyCells(double[][] points) {
        boolean[][] hit = new boolean[8][8];
        for (double[] p : points) hit[(int) (p[0] * 8)][(int) (p[1] * 8)] = true;
        int empty = 0;
        for (boolean[] row : hit) for (boolean h : row) if (!h) empty++;
        return empty;
    }

    @Test
    void aLatinHypercubeHitsEveryStratumOfEveryDimensionOnce() {
        for (long seed : new long[] {0, 1, 42}) {
            double[][] p = new LatinHypercube().points(50, 4, seed);
            for (int d = 0; d < 4; d++) {
                int[] count = new int[50];
                for (double[] point : p) {
                    assertTrue(point[d] >= 0 && point[d] < 1, "coordinate " + point[d]);
                    count[(int) (point[d] * 50)]++;
                }
                for (int s = 0; s < 50; s++) assertEquals(1, count[s], "seed " + seed + ", dim " + d + ", stratum " + s);
            }
        }
    }

    @Test
    void theSameSeedGivesTheSamePointsAndAnotherSeedOthers() {
        for (SamplingMethod method : SamplingMethod.values()) {
            double[][] a = method.sequence().points(16, 3, 5);
            double[][] b = method.sequence().points(16, 3, 5);
            double[][] c = method.sequence().points(16, 3, 6);
            for (int i = 0; i < 16; i++) assertArrayEquals(a[i], b[i], method + " point " + i);
            boolean differs = false;
            for (int i = 0; i < 16; i++) differs |= !java.util.Arrays.equals(a[i], c[i]);
            assertTrue(differs, method + ": seeds 5 and 6 give the same points");
        }
    }

    /** SplitMix64 as SplittableRandom's specification defines it: the reference for the seeded sequences. */
    private static final class SplitMix64 {
        private long seed;

        SplitMix64(long seed) {
            this.seed = seed;
        }

        double nextDouble() {
            seed += 0x9e3779b97f4a7c15L;
            long z = seed;
            z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
            z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
            z = z ^ (z >>> 31);
            return (z >>> 11) * 0x1.0p-53;
        }
    }

    @Test
    void randomPointsAreSplitMix64CoordinatesPointByPoint() {
        SplitMix64 reference = new SplitMix64(1234);
        double[][] p = new RandomPoints().points(20, 3, 1234);
        for (double[] point : p) {
            for (double x : point) assertEquals(reference.nextDouble(), x);
        }
    }

    @Test
    void aLatinHypercubesFirstDimensionFollowsItsDefinition() {
        // one dimension: a Fisher–Yates permutation of the strata, then an offset per point, all from SplitMix64
        int n = 10;
        SplitMix64 reference = new SplitMix64(3);
        int[] strata = new int[n];
        for (int i = 0; i < n; i++) strata[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = boundedInt(reference, i + 1);
            int t = strata[i];
            strata[i] = strata[j];
            strata[j] = t;
        }
        double[][] p = new LatinHypercube().points(n, 1, 3);
        for (int i = 0; i < n; i++) assertEquals((strata[i] + reference.nextDouble()) / n, p[i][0], 1e-15, "point " + i);
    }

    /**
     * SplittableRandom.nextInt(bound) written out (OpenJDK 17): mix32 of the next state; for a power of two its top
     * bits, else its high 31 bits modulo the bound, drawn again while they fall into the incomplete last copy.
     */
    private static int boundedInt(SplitMix64 reference, int bound) {
        while (true) {
            reference.seed += 0x9e3779b97f4a7c15L;
            long z = reference.seed;
            z = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
            int r = (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
            int m = bound - 1;
            if ((bound & m) == 0) return r & m;
            int u = r >>> 1;
            r = u % bound;
            if (u + m - r >= 0) return r;
        }
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SobolPoints().points(0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new SobolPoints().points(4, 1001, 0));
        assertThrows(IllegalArgumentException.class, () -> new SobolPoints().points(64, 1, Integer.MAX_VALUE));
        assertThrows(IllegalArgumentException.class, () -> new LatinHypercube().points(4, 0, 0));
        assertFalse(SamplingMethod.configNames().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> SamplingMethod.fromConfigName("halton"));
    }
}
