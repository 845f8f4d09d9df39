package dev.anchorsweep.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class InterpolationTest {

    @Test
    void configNamesRoundTrip() {
        assertEquals("min-jerk", Interpolation.MIN_JERK.configName());
        assertEquals("linear", Interpolation.LINEAR.configName());
        assertEquals("step", Interpolation.STEP.configName());
        for (Interpolation interpolation : Interpolation.values()) {
            assertEquals(interpolation, Interpolation.fromConfigName(interpolation.configName()));
        }
    }

    @Test
    void unknownConfigNameIsNamedWithTheValidOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> Interpolation.fromConfigName("cubic"));
        assertEquals("unknown interpolation 'cubic'; valid: min-jerk, linear, step", e.getMessage());
    }

    @Test
    void minJerkFollowsTheQuinticRestToRest() {
        // 10τ³ − 15τ⁴ + 6τ⁵ at τ = 1/4: 10/64 − 15/256 + 6/1024 = 106/1024
        assertEquals(2 + 4 * 106.0 / 1024, Interpolation.MIN_JERK.interpolate(2, 6, 0.25), 1e-12);
        assertEquals(4, Interpolation.MIN_JERK.interpolate(2, 6, 0.5), 1e-12);
        assertEquals(2, Interpolation.MIN_JERK.interpolate(2, 6, 0));
        assertEquals(6, Interpolation.MIN_JERK.interpolate(2, 6, 1));
        // symmetric about τ = 1/2: s(τ) + s(1 − τ) = 1
        assertEquals(1, Interpolation.MIN_JERK.interpolate(0, 1, 0.3) + Interpolation.MIN_JERK.interpolate(0, 1, 0.7), 1e-12);
    }

    @Test
    void linearAndStep() {
        assertEquals(3, Interpolation.LINEAR.interpolate(2, 6, 0.25), 1e-12);
        assertEquals(2, Interpolation.STEP.interpolate(2, 6, 0));
        assertEquals(2, Interpolation.STEP.interpolate(2, 6, 0.999));
        assertEquals(6, Interpolation.STEP.interpolate(2, 6, 1));
    }

    @Test
    void tauOutsideTheUnitIntervalIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> Interpolation.LINEAR.interpolate(0, 1, 1.5));
        assertEquals("tau must be in [0, 1], but got 1.5", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Interpolation.MIN_JERK.interpolate(0, 1, -0.1));
        assertThrows(IllegalArgumentException.class, () -> Interpolation.STEP.interpolate(0, 1, Double.NaN));
    }
}
