package dev.anchorsweep.evaluation;

/** Pearson's product-moment correlation coefficient. */
public final class Pearson {

    private Pearson() {}

    /**
     * r of the paired samples {@code x} and {@code y} (same length, at least 2), clamped to [−1, 1].
     * NaN when either sample is constant (zero variance: r is undefined there).
     */
    public static double r(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("Pearson r needs paired samples, but got " + x.length + " and " + y.length + " values");
        }
        if (x.length < 2) throw new IllegalArgumentException("Pearson r needs at least 2 pairs, but got " + x.length);
        if (isConstant(x) || isConstant(y)) return Double.NaN;
        double mx = mean(x);
        double my = mean(y);
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.length; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
    }

    private static boolean isConstant(double[] v) {
        for (double x : v) if (x != v[0]) return false;
        return true;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }
}
