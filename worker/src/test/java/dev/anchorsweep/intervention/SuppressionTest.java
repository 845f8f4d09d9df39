package dev.anchorsweep.intervention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import org.junit.jupiter.api.Test;

class SuppressionTest {

    private static final BoundedFalloff PAPER = new BoundedFalloff(0, 1, 0);

    @Test
    void removesTheWholeConceptComponentInTheHemisphere() {
        double[] z = {0.6, 0.8, 0};
        double[] out = new Suppression(new double[] {1, 0, 0}, PAPER).apply(z);
        assertArrayEquals(new double[] {0, 0.8, 0}, out, 0);
        assertArrayEquals(new double[] {0.6, 0.8, 0}, z, 0);
        assertNotSame(z, out);
        // the direction is normalised
        assertArrayEquals(new double[] {0, 0.8, 0}, new Suppression(new double[] {2, 0, 0}, PAPER).apply(z), 0);
    }

    @Test
    void leavesTheOtherHemisphereAlone() {
        var s = new Suppression(new double[] {1, 0, 0}, PAPER);
        assertArrayEquals(new double[] {-0.6, 0.8, 0}, s.apply(new double[] {-0.6, 0.8, 0}), 0);
        assertArrayEquals(new double[] {0, 1, 0}, s.apply(new double[] {0, 1, 0}), 0);
    }

    @Test
    void partialStrength() {
        double[] z = {0.6, 0.8, 0};
        // g = 0.6 → z − 0.6·0.6·e₀
        assertArrayEquals(new double[] {0.24, 0.8, 0},
                new Suppression(new double[] {1, 0, 0}, new BoundedFalloff(0, 1, 1)).apply(z), 1e-15);
        // g = (0.6 − 0.5)/(1 − 0.5) = 0.2 → z − 0.2·0.6·e₀
        assertArrayEquals(new double[] {0.48, 0.8, 0},
                new Suppression(new double[] {1, 0, 0}, new BoundedFalloff(0.5, 1, 1)).apply(z), 1e-15);
    }

    @Test
    void obliqueDirection() {
        // c = (1,1,0)/√2, z = e₀: z·c = 1/√2 → z − (1/√2)·c = (½, −½, 0)
        assertArrayEquals(new double[] {0.5, -0.5, 0},
                new Suppression(new double[] {1, 1, 0}, PAPER).apply(new double[] {1, 0, 0}), 1e-15);
    }
}
