package dev.anchorsweep.color;

/** A colour in HSV: hue in turns [0, 1), saturation and value in [0, 1]. */
public record Hsv(double h, double s, double v) implements java.io.Serializable {

    public Rgb toRgb() {
        double hh = h - Math.floor(h);
        double sector = hh * 6.0;
        int i = (int) Math.floor(sector) % 6;
        double f = sector - Math.floor(sector);
        double p = v * (1 - s);
        double q = v * (1 - s * f);
        double t = v * (1 - s * (1 - f));
        return switch (i) {
            case 0 -> new Rgb(v, t, p);
            case 1 -> new Rgb(q, v, p);
            case 2 -> new Rgb(p, v, t);
            case 3 -> new Rgb(p, q, v);
            case 4 -> new Rgb(t, p, v);
            default -> new Rgb(v, p, q);
        };
    }
}
