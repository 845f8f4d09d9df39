package dev.anchorsweep.analysis.adaptive;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The percentile-bootstrap interval of the median on hand-made samples. */
class MedianIntervalTest {

    /** n values of a fixed skewed distribution (an exponential), from a fixed seed. */
    static double[] sample(int n) {
        SplittableRandom random = new SplittableRandom(42);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = -Math.log(1 - random.nextDouble());
        return v;
    }

    @Test
    void theSameValuesGiveTheSameInterval() {
        double[] v = sample(20);
        assertEquals(MedianInterval.of(v, 0.95, 2000), MedianInterval.of(v.clone(), 0.95, 2000));
    }

    @Test
    void equalValuesHaveAnIntervalOfWidthZero() {
        MedianInterval i = MedianInterval.of(new double[]{0.7, 0.7, 0.7, 0.7, 0.7}, 0.95, 2000);
        assertEquals(new MedianInterval(5, 0.7, 0.7, 0.7), i);
        assertEquals(0, i.width());
    }

    @Test
    void theIntervalNarrowsAsRunsAreAdded() {
        double previous = Double.POSITIVE_INFINITY;
        for (int n : new int[]{5, 20, 80, 320}) {
            MedianInterval i = MedianInterval.of(sample(n), 0.95, 2000);
            assertTrue(i.low() <= i.median() && i.median() <= i.high(), i.toString());
            assertTrue(i.width() < previous, "n = " + n + ": width " + i.width() + " after " + previous);
            previous = i.width();
        }
    }

    @Test
    void twoValuesSpanTheirRange() {
        // resampling {0, 1}: median 0, 0.5 or 1 with probability 1/4, 1/2, 1/4, so the 2.5% and 97.5% quantiles of the
        // 2000 medians are 0 and 1 (each end holds ~500 of them)
        MedianInterval i = MedianInterval.of(new double[]{0, 1}, 0.95, 2000);
        assertEquals(new MedianInterval(2, 0.5, 0, 1), i);
        // at 40% confidence the 30% and 70% quantiles fall inside the middle half: both 0.5
        assertEquals(0, MedianInterval.of(new double[]{0, 1}, 0.4, 2000).width());
    }

    @Test
    void fewerThanTwoValuesHaveNoInterval() {
        MedianInterval one = MedianInterval.of(new double[]{0.3}, 0.95, 2000);
        assertFalse(one.defined());
        assertEquals(0.3, one.median());
        assertEquals(Double.POSITIVE_INFINITY, one.width());
        assertTrue(Double.isNaN(MedianInterval.of(new double[0], 0.95, 2000).median()));
    }
}
