package dev.anchorsweep.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class KeyframeTest {

    @Test
    void negativeStepIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Keyframe(-1, 0.1));
        assertEquals("keyframe step must be >= 0, but got -1", e.getMessage());
    }

    @Test
    void nonFiniteValueIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Keyframe(750, Double.NaN));
        assertEquals("keyframe value must be finite, but got NaN at step 750", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Keyframe(0, Double.POSITIVE_INFINITY));
        assertEquals("keyframe value must be finite, but got Infinity at step 0", e.getMessage());
    }

    @Test
    void negativeZeroIsStoredAsZero() {
        assertEquals(new Keyframe(3, 0.0), new Keyframe(3, -0.0));
        assertEquals("3:0.0", new Keyframe(3, -0.0).toString());
    }
}
