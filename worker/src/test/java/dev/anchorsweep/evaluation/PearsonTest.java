package dev.anchorsweep.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PearsonTest {

    @Test
    void perfectLinearRelations() {
        double[] x = {0.1, 0.5, 0.2, 0.9, 0.3};
        double[] up = new double[x.length];
        double[] down = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            up[i] = 2 * x[i] + 1;
            down[i] = -3 * x[i] + 0.5;
        }
        assertEquals(1, Pearson.r(x, up), 1e-15);
        assertEquals(-1, Pearson.r(x, down), 1e-15);
    }

    @Test
    void handComputedExample() {
        // dx = (−2,−1,0,1,2), dy = (−2,0,1,0,1): sxy 6, sxx 10, syy 6 → r = 6/√60
        assertEquals(6 / Math.sqrt(60), Pearson.r(new double[] {1, 2, 3, 4, 5}, new double[] {2, 4, 5, 4, 5}), 1e-15);
    }

    @Test
    void undefinedWithoutVariance() {
        assertTrue(Double.isNaN(Pearson.r(new double[] {1, 2, 3}, new double[] {4, 4, 4})));
        assertThrows(IllegalArgumentException.class, () -> Pearson.r(new double[] {1, 2}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> Pearson.r(new double[] {1}, new double[] {1}));
    }
}
