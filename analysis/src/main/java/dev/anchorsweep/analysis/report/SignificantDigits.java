package dev.anchorsweep.analysis.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Numbers as the report prints them: 3 significant digits by default, trailing zeros kept so that columns read alike,
 * plain between 10⁻⁴ and 10⁵ ({@code 0.343}, {@code 0.900}, {@code 0.000123}, {@code 1500}), scientific outside
 * ({@code 1.23e-6}); {@code –} for missing values.
 */
public final class SignificantDigits {

    public static final String MISSING = "–";

    private SignificantDigits() {
    }

    public static String format(Double value) {
        return format(value, 3);
    }

    public static String format(Double value, int digits) {
        if (digits < 1) throw new IllegalArgumentException("need at least 1 significant digit, but got " + digits);
        if (value == null || value.isNaN()) return MISSING;
        if (value.isInfinite()) return value > 0 ? "∞" : "−∞";
        double v = value;
        if (v == 0) return "0";
        double abs = Math.abs(v);
        BigDecimal rounded = new BigDecimal(v).round(new MathContext(digits, RoundingMode.HALF_EVEN));
        if (abs >= 1e-4 && rounded.abs().compareTo(BigDecimal.valueOf(100_000)) < 0) {
            BigDecimal stripped = rounded.stripTrailingZeros();
            int exponent = stripped.precision() - stripped.scale() - 1; // of the leading digit
            BigDecimal shown = stripped.scale() <= 0 ? stripped : rounded.setScale(Math.max(0, digits - 1 - exponent),
                    RoundingMode.HALF_EVEN);
            String plain = shown.toPlainString();
            return plain.startsWith("-") ? "−" + plain.substring(1) : plain;
        }
        String sci = String.format(Locale.ROOT, "%." + (digits - 1) + "e", v);
        int e = sci.indexOf('e');
        String mantissa = sci.substring(0, e);
        int exponent = Integer.parseInt(sci.substring(e + 1));
        return (mantissa.startsWith("-") ? "−" + mantissa.substring(1) : mantissa) + "e" + exponent;
    }

    /** Seconds as {@code 12.3 s}, {@code 4 min 05 s} or {@code 1 h 02 min}. */
    public static String seconds(Double seconds) {
        if (seconds == null || seconds.isNaN()) return MISSING;
        double s = seconds;
        if (s < 60) return format(s, 3) + " s";
        long total = Math.round(s);
        if (total < 3600) return String.format(Locale.ROOT, "%d min %02d s", total / 60, total % 60);
        return String.format(Locale.ROOT, "%d h %02d min", total / 3600, (total % 3600) / 60);
    }
}
