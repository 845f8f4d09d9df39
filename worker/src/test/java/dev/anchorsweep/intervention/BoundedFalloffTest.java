package dev.anchorsweep.intervention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BoundedFalloffTest {

    @Test
    void powerZeroGivesFullStrengthAcrossTheHemisphere() {
        var f = new BoundedFalloff(0, 1, 0);
        assertEquals(0, f.strength(0));
        assertEquals(1, f.strength(1e-9));
        assertEquals(1, f.strength(0.3));
        assertEquals(1, f.strength(1));
        assertEquals(0.5, new BoundedFalloff(0, 0.5, 0).strength(0.3));
    }

    @Test
    void linearAndQuadraticFalloff() {
        assertEquals(0.3, new BoundedFalloff(0, 1, 1).strength(0.3), 1e-15);
        assertEquals(0.09, new BoundedFalloff(0, 1, 2).strength(0.3), 1e-15);
        assertEquals(0.45, new BoundedFalloff(0, 0.5, 1).strength(0.9), 1e-15);
    }

    @Test
    void startOffset() {
        var f = new BoundedFalloff(0.5, 0.8, 2);
        assertEquals(0, f.strength(0.4));
        assertEquals(0, f.strength(0.5));
        assertEquals(0.2, f.strength(0.75), 1e-15); // 0.8 · (0.25/0.5)²
        assertEquals(0.8, f.strength(1), 1e-15);
        assertEquals(0, new BoundedFalloff(1, 1, 1).strength(1));
    }

    @Test
    void rejectsOutOfRangeParameters() {
        var e = assertThrows(IllegalArgumentException.class, () -> new BoundedFalloff(-0.1, 1, 1));
        assertTrue(e.getMessage().contains("-0.1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BoundedFalloff(0, 1.1, 1));
        assertThrows(IllegalArgumentException.class, () -> new BoundedFalloff(0, 1, -1));
        assertThrows(IllegalArgumentException.class, () -> new BoundedFalloff(Double.NaN, 1, 1));
    }
}
