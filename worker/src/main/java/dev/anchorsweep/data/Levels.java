package dev.anchorsweep.data;

/**
 * The reference's {@code levels} filter with in_high = out_high = 1 (Krita's Levels): x ↦ out_low +
 * clamp((x − in_low)/(1 − in_low), 0, 1)·(1 − out_low), and the constant (out_low + 1)/2 when in_low is within 1e-10
 * of 1. A curriculum drives it by one number, the fraction f of a data property (M1-SPEC 1.5):
 * in_low = interp(f, [0, ½], [0.99, 0]), out_low = interp(f, [½, 1], [0, 1]) — f = 0 keeps only x ≥ 0.99, f = ½
 * leaves x as it is, f = 1 gives 1 everywhere. Each level is non-decreasing in f for every x.
 */
public record Levels(double inLow, double outLow) {

    /** The levels the fraction f stands for (f outside [0, 1] acts as the nearest end, as numpy's interp). */
    public static Levels ofFraction(double f) {
        return new Levels(interp(f, 0, 0.5, 0.99, 0), interp(f, 0.5, 1, 0, 1));
    }

    public double apply(double x) {
        if (Math.abs(inLow - 1) < 1e-10) return (outLow + 1) / 2;
        double alpha = (x - inLow) / (1 - inLow);
        alpha = Math.min(1, Math.max(0, alpha));
        return outLow + alpha * (1 - outLow);
    }

    /** {@code numpy.interp(x, [x0, x1], [y0, y1])}: clamped at both ends, slope·(x − x0) + y0 between. */
    static double interp(double x, double x0, double x1, double y0, double y1) {
        if (x <= x0) return y0;
        if (x >= x1) return y1;
        double slope = (y1 - y0) / (x1 - x0);
        return slope * (x - x0) + y0;
    }
}
