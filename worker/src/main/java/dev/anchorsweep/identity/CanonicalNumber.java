package dev.anchorsweep.identity;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The one text of a number in the canonical form, as ECMAScript's {@code Number.prototype.toString} (and so RFC 8785)
 * writes it: the shortest decimal that reads back as the same double, whole numbers without a fraction
 * ({@code 1.0 → 1}, {@code -0.0 → 0}), plain notation for magnitudes in [1e-6, 1e21), else {@code 1e-8},
 * {@code 1.5e+21}. Computed with {@link BigDecimal} rather than {@link Double#toString}, whose digits changed between
 * Java releases, so every JVM writes the same text.
 */
public final class CanonicalNumber {

    private static final RoundingMode[] ROUNDINGS = {RoundingMode.HALF_EVEN, RoundingMode.FLOOR, RoundingMode.CEILING};

    private CanonicalNumber() {
    }

    public static String of(double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("the canonical form has no text for " + x + "; numbers must be finite");
        }
        if (x == 0) return "0";
        BigDecimal shortest = shortest(Math.abs(x));
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale();               // |x| = 0.digits × 10^n
        String sign = x < 0 ? "-" : "";
        if (k <= n && n <= 21) return sign + digits + "0".repeat(n - k);
        if (0 < n && n <= 21) return sign + digits.substring(0, n) + "." + digits.substring(n);
        if (-6 < n && n <= 0) return sign + "0." + "0".repeat(-n) + digits;
        int e = n - 1;
        String mantissa = k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + (e < 0 ? "-" : "+") + Math.abs(e);
    }

    public static String of(long x) {
        return Long.toString(x);
    }

    /** The decimal with the fewest significant digits that parses back to {@code x} (> 0); the closest of those. */
    private static BigDecimal shortest(double x) {
        BigDecimal exact = new BigDecimal(x);
        for (int precision = 1; precision <= 17; precision++) {
            for (RoundingMode rounding : ROUNDINGS) {
                BigDecimal candidate = exact.round(new MathContext(precision, rounding));
                if (Double.parseDouble(candidate.toString()) == x) return candidate.stripTrailingZeros();
            }
        }
        throw new AssertionError("17 significant digits always identify a double, but not " + exact);
    }
}
