package dev.anchorsweep.color;

/** A colour in RGB, each channel in [0, 1]. */
public record Rgb(double r, double g, double b) implements java.io.Serializable {

    public double[] toArray() {
        return new double[] {r, g, b};
    }

    /** HSV with hue in [0, 1) turns (the convention of skimage's rgb2hsv, used by the reference). */
    public Hsv toHsv() {
        double max = Math.max(r, Math.max(g, b));
        double min = Math.min(r, Math.min(g, b));
        double delta = max - min;
        double v = max;
        double s = max == 0 ? 0 : delta / max;
        double h;
        if (delta == 0) {
            h = 0;
        } else if (max == r) {
            h = ((g - b) / delta) / 6.0;
        } else if (max == g) {
            h = (2.0 + (b - r) / delta) / 6.0;
        } else {
            h = (4.0 + (r - g) / delta) / 6.0;
        }
        h = h - Math.floor(h);
        return new Hsv(h, s, v);
    }
}
