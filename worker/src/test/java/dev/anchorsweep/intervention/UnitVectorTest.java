package dev.anchorsweep.intervention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class UnitVectorTest {

    @Test
    void normalisesAndDots() {
        var u = UnitVector.of(3, 0, 4);
        assertArrayEquals(new double[] {0.6, 0, 0.8}, u.toArray(), 1e-16);
        assertEquals(0.6 * 2 + 0.8, u.dot(new double[] {2, 5, 1}), 1e-15);
        assertEquals(UnitVector.axis(1, 3), UnitVector.of(0, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> u.dot(new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> UnitVector.of(0, 0));
        assertThrows(IllegalArgumentException.class, () -> UnitVector.axis(3, 3));
    }

    @Test
    void orthogonalIsDeterministic() {
        assertArrayEquals(new double[] {0, 1, 0}, UnitVector.axis(0, 3).orthogonal().toArray(), 0);
        assertArrayEquals(new double[] {0, 0, 1}, UnitVector.of(1, 1, 0).orthogonal().toArray(), 1e-16);
        double s6 = Math.sqrt(6);
        assertArrayEquals(new double[] {2 / s6, -1 / s6, -1 / s6}, UnitVector.of(1, 1, 1).orthogonal().toArray(), 1e-15);
        assertThrows(IllegalStateException.class, () -> UnitVector.of(2).orthogonal());
    }
}
