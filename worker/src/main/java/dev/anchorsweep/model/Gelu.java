package dev.anchorsweep.model;

/** The exact GELU of SCA-SPEC §2: {@code x·Φ(x) = ½·x·(1 + erf(x/√2))}, in double precision. */
public final class Gelu {

    private static final double INV_SQRT2 = 0.7071067811865476;

    private Gelu() {}

    /** Computed as {@code ½·x·erfc(−x/√2)}, which keeps its relative accuracy for negative x. */
    public static double apply(double x) {
        return 0.5 * x * Erf.erfc(-x * INV_SQRT2);
    }

    /** Applies GELU to {@code v[0..n)} in place. */
    static void applyInPlace(double[] v, int n) {
        for (int i = 0; i < n; i++) v[i] = apply(v[i]);
    }
}
