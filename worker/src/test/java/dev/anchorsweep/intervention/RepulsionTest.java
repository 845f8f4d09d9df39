package dev.anchorsweep.intervention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RepulsionTest {

    private static final double COS_89 = Math.cos(Math.toRadians(89));
    private static final double SIN_89 = Math.sin(Math.toRadians(89));
    private static final Repulsion PAPER = new Repulsion(new double[] {1, 0, 0}, new LinearMapper(0, COS_89));

    @Test
    void rotatesInThePlaneOfConceptAndLatent() {
        double[] out = PAPER.apply(new double[] {0.6, 0.8, 0});
        double m = 0.6 * COS_89; // the mapper's target cosine for α = 0.6
        assertArrayEquals(new double[] {m, Math.sqrt(1 - m * m), 0}, out, 1e-15);
        assertEquals(1, Math.sqrt(out[0] * out[0] + out[1] * out[1] + out[2] * out[2]), 1e-15);
    }

    @Test
    void fullyAlignedLatentGoesToCos89() {
        double[] out = PAPER.apply(new double[] {1, 0, 0});
        assertArrayEquals(new double[] {COS_89, SIN_89, 0}, out, 1e-15); // deterministic orthogonal: e₁
    }

    @Test
    void obliqueConcept() {
        // c = (1,1,0)/√2, z = e₀: α = 1/√2, u = (1,−1,0)/√2; target cosine m = α·cos 89°
        var r = new Repulsion(new double[] {1, 1, 0}, new LinearMapper(0, COS_89));
        double[] out = r.apply(new double[] {1, 0, 0});
        double m = COS_89 / Math.sqrt(2);
        double s = Math.sqrt(1 - m * m);
        double h = 1 / Math.sqrt(2);
        assertArrayEquals(new double[] {m * h + s * h, m * h - s * h, 0}, out, 1e-15);
    }

    @Test
    void leavesTheOtherHemisphereAlone() {
        assertArrayEquals(new double[] {-0.6, 0.8, 0}, PAPER.apply(new double[] {-0.6, 0.8, 0}), 0);
        assertArrayEquals(new double[] {0, 0, 1}, PAPER.apply(new double[] {0, 0, 1}), 0);
    }

    @Test
    void needsTwoDims() {
        assertThrows(IllegalArgumentException.class, () -> new Repulsion(new double[] {1}, new LinearMapper(0, 0.5)));
    }
}
