package dev.anchorsweep.data;

import dev.anchorsweep.color.Hsv;
import dev.anchorsweep.color.Rgb;

/**
 * A built training colour set: every colour's RGB, its HSV coordinates (the cube's own for HSV sets, RGB → HSV for
 * RGB grids) and its sampling bias. Colour i sits at ({@code i / inner}, {@code i % inner}) of a two-axis product:
 * for HSV sets the hue (outer) and the (saturation, value) pair (inner), so measures of hue alone and of s, v alone
 * can be sampled axis by axis; an RGB grid is one axis ({@code outer = 1}).
 */
public final class TrainingColors {

    public static final int MAX_COLORS = 1_000_000;

    private final Rgb[] rgb;
    private final float[] rows;
    private final double[] h;
    private final double[] s;
    private final double[] v;
    private final double[] bias;
    private final int outer;
    private final int inner;

    private TrainingColors(Rgb[] rgb, double[] h, double[] s, double[] v, double[] bias, int outer) {
        this.rgb = rgb;
        this.h = h;
        this.s = s;
        this.v = v;
        this.bias = bias;
        this.outer = outer;
        this.inner = rgb.length / outer;
        this.rows = new float[3 * rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            rows[3 * i] = (float) rgb[i].r();
            rows[3 * i + 1] = (float) rgb[i].g();
            rows[3 * i + 2] = (float) rgb[i].b();
        }
    }

    /** RGB {@code axis³}, r outermost, b innermost; bias 1 (the reference's {@code ColorCube.from_rgb}). */
    static TrainingColors rgb(double[] axis) {
        int n = axis.length * axis.length * axis.length;
        Rgb[] colors = new Rgb[n];
        double[] h = new double[n], s = new double[n], v = new double[n], bias = new double[n];
        int i = 0;
        for (double r : axis) {
            for (double g : axis) {
                for (double b : axis) {
                    colors[i] = new Rgb(r, g, b);
                    Hsv x = colors[i].toHsv();
                    h[i] = x.h();
                    s[i] = x.s();
                    v[i] = x.v();
                    bias[i] = 1;
                    i++;
                }
            }
        }
        return new TrainingColors(colors, h, s, v, bias, 1);
    }

    /**
     * The HSV product {@code hues × saturations × values} (hue outermost; hues in turns, wrapped; s and v clipped to
     * [0, 1]) with the reference's bias {@code (1−v)/(n_s·n_h) + (1−s)·v/n_h + s·v}: vibrant colours 1, white
     * 1/n_h, black 1/(n_s·n_h), so that greys and darks, which coincide in RGB, are not over-sampled.
     */
    static TrainingColors hsv(double[] hues, double[] saturations, double[] values) {
        int n = hues.length * saturations.length * values.length;
        Rgb[] colors = new Rgb[n];
        double[] h = new double[n], s = new double[n], v = new double[n], bias = new double[n];
        double black = 1.0 / (saturations.length * hues.length);
        double white = 1.0 / hues.length;
        int i = 0;
        for (double hue : hues) {
            for (double sat : saturations) {
                for (double val : values) {
                    double hh = hue - Math.floor(hue);
                    double ss = Math.min(1, Math.max(0, sat));
                    double vv = Math.min(1, Math.max(0, val));
                    colors[i] = new Hsv(hh, ss, vv).toRgb();
                    h[i] = hh;
                    s[i] = ss;
                    v[i] = vv;
                    bias[i] = black * (1 - vv) + white * (1 - ss) * vv + 1.0 * ss * vv;
                    i++;
                }
            }
        }
        return new TrainingColors(colors, h, s, v, bias, hues.length);
    }

    public int size() {
        return rgb.length;
    }

    public Rgb color(int i) {
        return rgb[i];
    }

    /** Hue of colour i in turns [0, 1). */
    public double hue(int i) {
        return h[i];
    }

    public double saturation(int i) {
        return s[i];
    }

    public double value(int i) {
        return v[i];
    }

    /** The reference's sampling bias of colour i (1 for RGB grids). */
    public double bias(int i) {
        return bias[i];
    }

    /** Colour i's RGB as floats at {@code rows[3i..3i+2]}. */
    float[] rows() {
        return rows;
    }

    /** Positions on the outer axis (hues of an HSV set; 1 for an RGB grid). */
    public int outer() {
        return outer;
    }

    /** Positions on the inner axis (the (s, v) pairs of an HSV set; every colour of an RGB grid). */
    public int inner() {
        return inner;
    }
}
