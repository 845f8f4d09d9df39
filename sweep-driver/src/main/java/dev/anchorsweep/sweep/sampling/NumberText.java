package dev.anchorsweep.sweep.sampling;

import java.math.BigDecimal;

/** A number as a short plain decimal: whole numbers without ".0", no exponent ({@code 1e-4} → {@code 0.0001}). */
public final class NumberText {

    private NumberText() {
    }

    public static String of(Number n) {
        if (n instanceof Integer || n instanceof Long) return n.toString();
        return of(n.doubleValue());
    }

    public static String of(double x) {
        if (!Double.isFinite(x)) return String.valueOf(x);
        if (x == 0) return "0";
        return new BigDecimal(Double.toString(x)).stripTrailingZeros().toPlainString();
    }
}
