package dev.anchorsweep.regularizer;

/** The per-run parameter of the direction regularizers. */
final class Vectors {

    private Vectors() {
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
}
