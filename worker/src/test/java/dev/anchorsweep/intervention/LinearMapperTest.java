package dev.anchorsweep.intervention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LinearMapperTest {

    private static final double COS_89 = Math.cos(Math.toRadians(89));

    @Test
    void mapsTheHemisphereOntoAThinBand() {
        var m = new LinearMapper(0, COS_89);
        assertEquals(COS_89, m.map(1), 1e-16);
        assertEquals(0.6 * COS_89, m.map(0.6), 1e-16);
        assertEquals(0, m.map(0));
    }

    @Test
    void belowTheStartAlignmentIsUnchanged() {
        var m = new LinearMapper(0.2, 0.6);
        assertEquals(0.4, m.map(0.6), 1e-15); // 0.2 + 0.4 · 0.4/0.8
        assertEquals(0.6, m.map(1), 1e-15);
        assertEquals(0.1, m.map(0.1));
    }

    @Test
    void rejectsInvalidBounds() {
        var e = assertThrows(IllegalArgumentException.class, () -> new LinearMapper(0.5, 0.5));
        assertTrue(e.getMessage().contains("a=0.5, b=0.5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LinearMapper(-0.1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new LinearMapper(0, 1.5));
    }
}
