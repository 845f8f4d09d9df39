package dev.anchorsweep.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GeluTest {

    @Test
    void exactGeluAtKnownPoints() {
        // x·Φ(x), from mpmath at 30 digits; tolerances allow 1–2 ulp
        assertEquals(0.8413447460685429, Gelu.apply(1), 2.3e-16);
        assertEquals(-0.158655253931457051414767454368, Gelu.apply(-1), 6e-17);
        assertEquals(0.345731230637006551818852305304, Gelu.apply(0.5), 1.2e-16);
        assertEquals(1.95449973610364158559943472567, Gelu.apply(2), 5e-16);
        assertEquals(-0.0155241633144403379174452614355, Gelu.apply(-2.5), 7e-18);
        assertEquals(-1.43325785939596955836876166437e-6, Gelu.apply(-5), 1e-12 * 1.43e-6);
        assertEquals(0, Gelu.apply(0));
        assertEquals(40, Gelu.apply(40));
        assertEquals(0, Gelu.apply(-40), 1e-300);
    }
}
