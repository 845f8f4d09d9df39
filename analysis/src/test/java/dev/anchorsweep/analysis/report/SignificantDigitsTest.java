package dev.anchorsweep.analysis.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SignificantDigitsTest {

    @Test
    void threeSignificantDigitsPlainOrScientific() {
        assertEquals("0.343", SignificantDigits.format(0.34268));
        assertEquals("0.900", SignificantDigits.format(0.9));
        assertEquals("0.000123", SignificantDigits.format(0.00012345));
        assertEquals("3.78e-5", SignificantDigits.format(3.7812e-5));
        assertEquals("1500", SignificantDigits.format(1500.0));
        assertEquals("12", SignificantDigits.format(12.0));
        assertEquals("1.23e6", SignificantDigits.format(1234567.0));
        assertEquals("−0.250", SignificantDigits.format(-0.25));
        assertEquals("0", SignificantDigits.format(0.0));
        assertEquals("–", SignificantDigits.format(null));
        assertEquals("–", SignificantDigits.format(Double.NaN));
        assertEquals("0.3427", SignificantDigits.format(0.34268, 4));
        assertThrows(IllegalArgumentException.class, () -> SignificantDigits.format(1.0, 0));
    }

    @Test
    void secondsReadAsDurations() {
        assertEquals("4.01 s", SignificantDigits.seconds(4.0123));
        assertEquals("4 min 01 s", SignificantDigits.seconds(241.2));
        assertEquals("1 h 02 min", SignificantDigits.seconds(3725.0));
    }
}
