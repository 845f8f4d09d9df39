package dev.anchorsweep.analysis.chart;

import java.math.BigDecimal;
import java.math.MathContext;

/** Axis tick labels: short and exact for the tick values charts choose ({@code 0.02}, {@code 1e-4}, {@code 3e-5}). */
public final class TickLabels {

    private TickLabels() {
    }

    /** Two significant digits, for ticks at values the chart did not pick as round (e.g. 10^-1.8 → 0.016). */
    public static String rough(Double v) {
        if (v == null || v.isNaN()) return "";
        if (v == 0) return "0";
        double abs = Math.abs(v);
        String s = new BigDecimal(v).round(new MathContext(2)).stripTrailingZeros().toPlainString();
        if (abs >= 1e-3 && abs < 1e5) return s;
        int exponent = (int) Math.floor(Math.log10(abs));
        return new BigDecimal(v / Math.pow(10, exponent)).round(new MathContext(2)).stripTrailingZeros().toPlainString()
                + "e" + exponent;
    }

    public static String compact(Double v) {
        if (v == null || v.isNaN()) return "";
        if (v == 0) return "0";
        double abs = Math.abs(v);
        if (abs >= 1e-3 && abs < 1e5) {
            return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
        }
        int exponent = (int) Math.floor(Math.log10(abs));
        double mantissa = v / Math.pow(10, exponent);
        String m = new BigDecimal(mantissa).round(new MathContext(3)).stripTrailingZeros().toPlainString();
        return m + "e" + exponent;
    }
}
