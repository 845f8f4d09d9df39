package dev.anchorsweep.analysis.chart;

import java.util.List;

/** A named line: x and y of equal length, drawn in {@link Palette#of(String) the colour of its name}. */
public record Curve(String name, double[] x, double[] y) {

    public Curve {
        if (x.length != y.length) {
            throw new IllegalArgumentException("curve '" + name + "' needs as many x as y, but got " + x.length
                    + " and " + y.length);
        }
    }

    public static Curve of(String name, List<Double> x, List<Double> y) {
        return new Curve(name, x.stream().mapToDouble(Double::doubleValue).toArray(),
                y.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The points with y > 0 only (what a logarithmic axis can show). */
    public Curve positive() {
        int n = 0;
        for (double v : y) if (v > 0 && Double.isFinite(v)) n++;
        double[] px = new double[n], py = new double[n];
        int k = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] > 0 && Double.isFinite(y[i])) {
                px[k] = x[i];
                py[k++] = y[i];
            }
        }
        return new Curve(name, px, py);
    }

    public boolean isEmpty() {
        return x.length == 0;
    }
}
