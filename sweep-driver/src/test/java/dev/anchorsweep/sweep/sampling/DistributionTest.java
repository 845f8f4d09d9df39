package dev.anchorsweep.sweep.sampling;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each distribution's transform of u ∈ [0, 1), its bounds, and the distributions it refuses. */
class DistributionTest {

    private static final double LAST_U = Math.nextDown(1.0);

    @Test
    void uniformMapsTheUnitIntervalOntoMinToMax() {
        Distribution d = new Distribution.Uniform(-2, 6);
        assertEquals(-2.0, d.value(0));
        assertEquals(2.0, d.value(0.5));
        assertEquals(4.0, d.value(0.75));
        assertEquals(6.0, d.value(LAST_U), "rounded to 6 significant digits, the top of [0, 1) reaches max");
        for (int i = 0; i < 1000; i++) {
            double v = d.value(i / 1000.0).doubleValue();
            assertTrue(v >= -2 && v <= 6, "value " + v);
        }
    }

    @Test
    void logUniformOfAHalfIsTheGeometricMeanAndEqualRatiosAreEquallyWide() {
        Distribution d = new Distribution.LogUniform(0.01, 1);
        assertEquals(0.1, d.value(0.5).doubleValue(), 1e-15, "√(0.01 · 1)");
        assertEquals(0.01, d.value(0).doubleValue(), 1e-15);
        assertEquals(0.0316228, d.value(0.25).doubleValue(), "10^-1.5 to 6 significant digits");
        assertEquals(Math.sqrt(3 * 300), new Distribution.LogUniform(3, 300).value(0.5).doubleValue(), 1e-12);
        for (int i = 0; i < 1000; i++) {
            double v = d.value(i / 1000.0).doubleValue();
            assertTrue(v >= 0.01 && v <= 1, "value " + v);
        }
        assertEquals(1.0, d.value(LAST_U).doubleValue());
    }

    @Test
    void continuousValuesHaveSixSignificantDigits() {
        double v = new Distribution.Uniform(0, 1).value(1 / 3.0).doubleValue();
        assertEquals(0.333333, v);
        assertEquals("0.333333", NumberText.of(v));
    }

    @Test
    void intUniformGivesEveryWholeNumberFromMinToMaxEquallyOften() {
        Distribution d = new Distribution.IntUniform(500, 503);
        assertEquals(500, d.value(0));
        assertEquals(503, d.value(LAST_U));
        int[] count = new int[4];
        int n = 4000;
        for (int i = 0; i < n; i++) count[d.value((i + 0.5) / n).intValue() - 500]++;
        for (int c : count) assertEquals(n / 4, c);
        assertTrue(d.wholeNumbers());
    }

    @Test
    void choiceTakesEachValueForAnEqualShareOfTheInterval() {
        Distribution d = new Distribution.Choice(List.of(4, 5, 6));
        assertEquals(4, d.value(0));
        assertEquals(4, d.value(0.3333));
        assertEquals(5, d.value(0.3334));
        assertEquals(6, d.value(LAST_U));
        assertEquals(4.0, d.min());
        assertEquals(6.0, d.max());
        assertTrue(d.wholeNumbers());
        assertTrue(!new Distribution.Choice(List.of(0.5, 1)).wholeNumbers());
    }

    @Test
    void badDistributionsSayWhatIsWrong() {
        assertEquals("min must be less than max, but got min = 1 ≥ max = 0.5",
                assertThrows(IllegalArgumentException.class, () -> new Distribution.Uniform(1, 0.5)).getMessage());
        assertEquals("log-uniform draws the logarithm uniformly, so min must be > 0, but got min = 0",
                assertThrows(IllegalArgumentException.class, () -> new Distribution.LogUniform(0, 1)).getMessage());
        assertEquals("min must be less than max, but got min = 5 ≥ max = 5",
                assertThrows(IllegalArgumentException.class, () -> new Distribution.IntUniform(5, 5)).getMessage());
        assertEquals("each value must be different, but 4 appears twice in [4, 5, 4]",
                assertThrows(IllegalArgumentException.class, () -> new Distribution.Choice(List.of(4, 5, 4)))
                        .getMessage());
    }
}
