package dev.anchorsweep.regularizer;

import java.util.Arrays;

/** Validation and conversion of the direction and dims settings that regularizers take. */
final class Vectors {

    private Vectors() {
    }

    static void requireLength(String what, double[] v, int latentDim) {
        if (v.length != latentDim) {
            throw new IllegalArgumentException(what + " must have one entry per latent dim (" + latentDim + "), but got "
                    + v.length + ": " + Arrays.toString(v));
        }
    }

    static void requireNonZero(String what, double[] v) {
        double norm = 0;
        for (double x : v) norm += x * x;
        if (!(norm > 0) || !Double.isFinite(norm)) {
            throw new IllegalArgumentException(what + " must be a finite non-zero vector, but got " + Arrays.toString(v));
        }
    }

    /** a / (‖a‖ + 1e-8), as the reference normalises anchor points. */
    static double[] unit(double[] a) {
        double norm = 0;
        for (double x : a) norm += x * x;
        norm = Math.sqrt(norm) + LatentVariables.UNIT_EPS;
        double[] u = new double[a.length];
        for (int i = 0; i < a.length; i++) u[i] = a[i] / norm;
        return u;
    }

    static void requireDims(String what, int[] dims, int latentDim) {
        if (dims.length == 0) throw new IllegalArgumentException(what + " must name at least one dim");
        boolean[] seen = new boolean[latentDim];
        for (int d : dims) {
            if (d < 0 || d >= latentDim) {
                throw new IllegalArgumentException(what + " must be in 0.." + (latentDim - 1) + ", but got " + d);
            }
            if (seen[d]) throw new IllegalArgumentException(what + " must not repeat a dim, but " + d + " appears twice");
            seen[d] = true;
        }
    }

    /** A 0/1 mask of length latentDim with 1 where {@code inside == dims contains d}. */
    static double[] mask(int[] dims, int latentDim, boolean inside) {
        double[] m = new double[latentDim];
        Arrays.fill(m, inside ? 0 : 1);
        for (int d : dims) m[d] = inside ? 1 : 0;
        return m;
    }

    static String text(double[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) sb.append(i == 0 ? "" : ",").append(Double.toString(v[i]));
        return sb.append(']').toString();
    }

    static String text(int[] v) {
        return Arrays.toString(v).replace(" ", "");
    }
}
