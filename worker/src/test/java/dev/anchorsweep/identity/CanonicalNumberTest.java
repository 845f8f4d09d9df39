package dev.anchorsweep.identity;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CanonicalNumberTest {

    /** The number samples of RFC 8785, Appendix B: IEEE 754 bits → the text ECMAScript (and JCS) writes. */
    @Test
    void writesTheRfc8785Samples() {
        assertRfc(0x0000000000000000L, "0");
        assertRfc(0x8000000000000000L, "0");
        assertRfc(0x0000000000000001L, "5e-324");
        assertRfc(0x8000000000000001L, "-5e-324");
        assertRfc(0x7fefffffffffffffL, "1.7976931348623157e+308");
        assertRfc(0x4340000000000000L, "9007199254740992");
        assertRfc(0x4430000000000000L, "295147905179352830000");
        assertRfc(0x44b52d02c7e14af5L, "9.999999999999997e+22");
        assertRfc(0x44b52d02c7e14af6L, "1e+23");
        assertRfc(0x444b1ae4d6e2ef50L, "1e+21");
        assertRfc(0x444b1ae4d6e2ef4fL, "999999999999999900000");
        assertRfc(0x3eb0c6f7a0b5ed8dL, "0.000001");
        assertRfc(0x3eb0c6f7a0b5ed8cL, "9.999999999999997e-7");
    }

    private static void assertRfc(long bits, String expected) {
        assertEquals(expected, CanonicalNumber.of(Double.longBitsToDouble(bits)), Long.toHexString(bits));
    }

    @Test
    void wholeNumbersHaveNoFractionAndSmallOnesNoExponent() {
        assertEquals("1", CanonicalNumber.of(1.0));
        assertEquals("-3", CanonicalNumber.of(-3.0));
        assertEquals("1501", CanonicalNumber.of(1501.0));
        assertEquals("1501", CanonicalNumber.of(1501L));
        assertEquals("0.08", CanonicalNumber.of(0.08));
        assertEquals("1e-8", CanonicalNumber.of(1e-8));
        assertEquals("2.5e-7", CanonicalNumber.of(2.5e-7));
        assertEquals("0.30000000000000004", CanonicalNumber.of(0.1 + 0.2));
    }

    /** Every text reads back as the same double, and none has more significant digits than Java's own. */
    @Test
    void isTheShortestTextThatReadsBackAsTheSameDouble() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 4_000; i++) {
            double x = i % 2 == 0 ? Double.longBitsToDouble(random.nextLong()) : random.nextDouble() * 1000;
            if (!Double.isFinite(x)) continue;
            String text = CanonicalNumber.of(x);
            assertEquals(x == 0 ? 0.0 : x, Double.parseDouble(text), text);
            assertTrue(digits(text) <= digits(Double.toString(x)), text + " is longer than " + x);
        }
    }

    private static int digits(String number) {
        return new BigDecimal(number.replace("e+", "e")).stripTrailingZeros().precision();
    }

    @Test
    void refusesNonFiniteNumbers() {
        assertThrows(IllegalArgumentException.class, () -> CanonicalNumber.of(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> CanonicalNumber.of(Double.POSITIVE_INFINITY));
    }
}
