package dev.anchorsweep.color;

import java.util.ArrayList;
import java.util.List;

/**
 * The colour sets of SCA-SPEC §1, in the reference's order: grids are built like numpy's
 * {@code meshgrid(..., indexing='ij')}, so the first axis (r or h) is outermost and the last (b or v) innermost.
 * Grid coordinates are computed like {@code numpy.linspace}, so they agree with the reference bit for bit.
 */
public final class ColorSets {

    public static final List<String> NAMES =
            List.of("named", "hue-slice", "hue-ring", "latent-cube", "loss-cube", "rgb-grid", "validation",
                    "training-grid");

    /** Subdivisions of the paper's training grid and of the selectivity score's grid. */
    public static final int PAPER_GRID = 8;

    private static final String[] HUE_NAMES = {
        "red", "orange", "yellow", "lime", "green", "teal", "cyan", "azure", "blue", "purple", "magenta", "pink"
    };
    private static final String[] GRAY_NAMES = {"black", "dark-gray", "gray", "light-gray", "white"};
    private static final double[] GRAY_VALUES = {0.0, 0.25, 0.5, 0.75, 1.0};

    private ColorSets() {}

    /** The set called {@code name}, one of {@link #NAMES}; "training-grid" is the paper's 8³ grid. */
    public static ColorSet byName(String name) {
        return switch (name == null ? "" : name) {
            case "named" -> Evaluation.NAMED;
            case "hue-slice" -> Evaluation.HUE_SLICE;
            case "hue-ring" -> Evaluation.HUE_RING;
            case "latent-cube" -> Evaluation.LATENT_CUBE;
            case "loss-cube" -> lossCube();
            case "rgb-grid" -> Evaluation.RGB_GRID;
            case "validation" -> validation();
            case "training-grid" -> trainingGrid(PAPER_GRID);
            default -> throw new IllegalArgumentException(
                    "unknown colour set '" + name + "'; valid names are " + String.join(", ", NAMES));
        };
    }

    /** The evaluation sets every run evaluates, built once (colour sets are immutable). */
    private static final class Evaluation {
        static final ColorSet NAMED = named();
        static final ColorSet HUE_SLICE = hueSlice();
        static final ColorSet HUE_RING = hueRing();
        static final ColorSet LATENT_CUBE = latentCube();
        static final ColorSet RGB_GRID = rgbCube("rgb-grid", PAPER_GRID);
    }

    /** Training colours: RGB {@code linspace(0,1,n)³}, r outermost, b innermost. */
    public static ColorSet trainingGrid(int n) {
        return rgbCube("training-grid", n);
    }

    /** The 8³ RGB grid on which the selectivity score is computed (same colours as the paper's training grid). */
    public static ColorSet rgbGrid() {
        return Evaluation.RGB_GRID;
    }

    /** RGB {@code linspace(0,1,20)³} (8,000 colours), for latent scatter plots. */
    public static ColorSet latentCube() {
        return latentCube(20);
    }

    public static ColorSet latentCube(int n) {
        return rgbCube("latent-cube", n);
    }

    /** Cell centres {@code linspace(1/16, 15/16, 7)³} (343) followed by the 8 cube corners: 351 colours. */
    public static ColorSet validation() {
        double offset = 1.0 / (2 * PAPER_GRID);
        List<Rgb> colors = rgbProduct(linspace(offset, 1 - offset, PAPER_GRID - 1));
        colors.addAll(rgbProduct(new double[] {0.0, 1.0}));
        return ColorSet.unnamed("validation", colors);
    }

    /** 12 hues at s = v = 1 (red 0°, orange 30°, … pink 330°), then black, dark-gray, gray, light-gray, white. */
    public static ColorSet named() {
        List<Rgb> colors = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int k = 0; k < HUE_NAMES.length; k++) {
            colors.add(new Hsv(30.0 * k / 360.0, 1, 1).toRgb());
            names.add(HUE_NAMES[k]);
        }
        for (int k = 0; k < GRAY_NAMES.length; k++) {
            colors.add(new Hsv(0, 0, GRAY_VALUES[k]).toRgb());
            names.add(GRAY_NAMES[k]);
        }
        return new ColorSet("named", colors, names);
    }

    /** HSV grid h = 0, 1/12, …, 11/12; s = linspace(0,1,4); v = linspace(0,1,5): 240 colours, h outermost. */
    public static ColorSet hueSlice() {
        double[] h = new double[12];
        for (int k = 0; k < h.length; k++) h[k] = k * (1.0 / 12); // numpy.arange(0, 1, 1/12)
        return hsvCube("hue-slice", h, linspace(0, 1, 4), linspace(0, 1, 5));
    }

    /** The fully saturated, bright hues h = 0, 1/72, …, 71/72 (s = v = 1): 72 colours for error-vs-hue charts. */
    public static ColorSet hueRing() {
        double[] h = new double[72];
        for (int k = 0; k < h.length; k++) h[k] = k / 72.0;
        return hsvCube("hue-ring", h, new double[] {1}, new double[] {1});
    }

    /** HSV grid h = linspace(−1/12, 1+1/12, 150) mod 1; s, v = linspace(0,1,24): 86,400 colours. */
    public static ColorSet lossCube() {
        double[] h = linspace(-1.0 / 12, 1 + 1.0 / 12, 150);
        for (int k = 0; k < h.length; k++) h[k] -= Math.floor(h[k]);
        return hsvCube("loss-cube", h, linspace(0, 1, 24), linspace(0, 1, 24));
    }

    private static ColorSet rgbCube(String name, int n) {
        if (n < 2) throw new IllegalArgumentException(name + " needs at least 2 subdivisions per axis, but got " + n);
        return ColorSet.unnamed(name, rgbProduct(linspace(0, 1, n)));
    }

    private static List<Rgb> rgbProduct(double[] axis) {
        List<Rgb> colors = new ArrayList<>(axis.length * axis.length * axis.length);
        for (double r : axis) for (double g : axis) for (double b : axis) colors.add(new Rgb(r, g, b));
        return colors;
    }

    private static ColorSet hsvCube(String name, double[] hs, double[] ss, double[] vs) {
        List<Rgb> colors = new ArrayList<>(hs.length * ss.length * vs.length);
        for (double h : hs) for (double s : ss) for (double v : vs) colors.add(new Hsv(h, s, v).toRgb());
        return ColorSet.unnamed(name, colors);
    }

    /** {@code numpy.linspace(lo, hi, n)}: {@code lo + i·step}, with the last point exactly {@code hi}. */
    public static double[] linspace(double lo, double hi, int n) {
        double[] xs = new double[n];
        double step = (hi - lo) / (n - 1);
        for (int i = 0; i < n; i++) xs[i] = i * step + lo;
        if (n > 1) xs[n - 1] = hi;
        return xs;
    }
}
