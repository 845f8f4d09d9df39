package dev.anchorsweep.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ColorErrorTest {

    @Test
    void meanSquaredErrorOverChannels() {
        assertEquals(0.25, ColorError.of(new double[] {1, 0, 0}, new double[] {0.5, 0.5, 0.5}), 1e-16);
        assertEquals(1.0 / 3, ColorError.of(new double[] {1, 0, 0}, new double[] {0, 0, 0}), 1e-16);
    }

    @Test
    void outputIsClampedToTheCube() {
        assertEquals(0, ColorError.of(new double[] {1, 0, 0}, new double[] {1.5, -0.2, 0}));
        assertEquals((1 + 0.25 + 0.0625) / 3, ColorError.of(new double[] {0, 0, 0}, new double[] {2, 0.5, 0.25}), 1e-16);
    }

    @Test
    void needsThreeChannels() {
        assertThrows(IllegalArgumentException.class, () -> ColorError.of(new double[] {1, 0}, new double[] {1, 0, 0}));
    }
}
