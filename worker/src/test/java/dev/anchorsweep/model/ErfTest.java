package dev.anchorsweep.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ErfTest {

    /** erf(x) = 2/√π · e^{−x²} · Σ 2ⁿ x^{2n+1} / (1·3·…·(2n+1)): all terms positive for x > 0, so no cancellation. */
    private static double seriesErf(double x) {
        double term = x;
        double sum = x;
        for (int n = 1; n < 1000 && Math.abs(term) > 1e-18 * Math.abs(sum); n++) {
            term *= 2 * x * x / (2 * n + 1);
            sum += term;
        }
        return 2 / Math.sqrt(Math.PI) * Math.exp(-x * x) * sum;
    }

    @Test
    void erfMatchesTheSeriesAcrossTheRange() {
        for (int i = -600; i <= 600; i++) {
            double x = i / 100.0 + 0.003;
            double ref = seriesErf(x);
            assertEquals(ref, Erf.erf(x), 1e-14 * Math.abs(ref), () -> "erf(" + x + ")");
            // 1 − ref carries ref's absolute rounding error (growing with x²), so only an absolute bound is
            // meaningful here; the tails are checked against exact values below
            if (Math.abs(x) <= 3) assertEquals(1 - ref, Erf.erfc(x), 1e-15, () -> "erfc(" + x + ")");
        }
    }

    @Test
    void erfAndErfcAtKnownPoints() {
        // values from mpmath at 30 digits
        assertEquals(0.112462916018284898404712251014, Erf.erf(0.1), 1e-17);
        assertEquals(0.520499877813046537682746653892, Erf.erf(0.5), 2e-16);
        assertEquals(0.842700792949714869341220635083, Erf.erf(1), 2e-16);
        assertEquals(-0.328626759459127416189617985318, Erf.erf(-0.3), 2e-16);
        assertEquals(-0.99959304798255504106043578426, Erf.erf(-2.5), 2e-16);
        assertEquals(0.00467773498104726583793074363275, Erf.erfc(2), 1e-14 * 0.0047);
        assertEquals(7.43098372341412745523683756096e-7, Erf.erfc(3.5), 1e-14 * 7.4e-7);
        assertEquals(1.96616044154288747627916036766e-10, Erf.erfc(4.5), 1e-14 * 2e-10);
        assertEquals(2.15197367124989131165933503992e-17, Erf.erfc(6), 1e-13 * 2.2e-17);
        assertEquals(1.84270079294971486934122063508, Erf.erfc(-1), 1e-15);
        assertEquals(0, Erf.erf(0));
        assertEquals(1, Erf.erf(30));
        assertEquals(0, Erf.erfc(30));
        assertEquals(2, Erf.erfc(-30));
    }
}
