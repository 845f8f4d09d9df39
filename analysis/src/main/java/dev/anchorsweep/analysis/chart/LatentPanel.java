package dev.anchorsweep.analysis.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One latent view drawn with Java2D into a square of a larger picture (the phase-history figure, the frames of an
 * animated GIF): every colour at its latent coordinates in its own true colour, greys first and vibrant colours last,
 * in a fixed {@link LatentFrame}, with the axes through the origin and a title.
 */
public final class LatentPanel {

    private static final Color BORDER = new Color(0xd1d5db);
    private static final Color AXIS = new Color(0xe5e7eb);

    private LatentPanel() {
    }

    /** The samples in drawing order: least vibrant first, so that the hue structure stays on top. */
    public static List<LatentSample> drawingOrder(List<LatentSample> samples) {
        List<LatentSample> out = new ArrayList<>(samples);
        out.sort(Comparator.comparingDouble(LatentPanel::vibrancy));
        return out;
    }

    static double vibrancy(LatentSample s) {
        return Math.max(s.r(), Math.max(s.g(), s.b())) - Math.min(s.r(), Math.min(s.g(), s.b()));
    }

    /**
     * Draws the samples (in {@link #drawingOrder(List)}) into the square at (x, y) of side {@code size}, points of
     * diameter {@code dot}; the title, if any, in the square's top left corner.
     */
    public static void draw(Graphics2D g, int x, int y, int size, LatentFrame frame, List<LatentSample> samples,
                            double dot, String title) {
        g.setColor(Color.WHITE);
        g.fillRect(x, y, size, size);
        g.setStroke(new BasicStroke(1f));
        g.setColor(AXIS);
        double ox = x + size * (0 - frame.xMin()) / (frame.xMax() - frame.xMin());
        double oy = y + size - size * (0 - frame.yMin()) / (frame.yMax() - frame.yMin());
        if (ox > x && ox < x + size) g.draw(new Line2D.Double(ox, y, ox, y + size));
        if (oy > y && oy < y + size) g.draw(new Line2D.Double(x, oy, x + size, oy));
        java.awt.Shape clip = g.getClip();
        g.clipRect(x, y, size, size);
        Ellipse2D.Double circle = new Ellipse2D.Double();
        for (LatentSample s : samples) {
            double u = frame.u(s.latent()), v = frame.v(s.latent());
            if (!Double.isFinite(u) || !Double.isFinite(v)) continue;
            g.setColor(new Color(channel(s.r()), channel(s.g()), channel(s.b())));
            circle.setFrame(x + u * size - dot / 2, y + size - v * size - dot / 2, dot, dot);
            g.fill(circle);
        }
        g.setClip(clip);
        g.setColor(BORDER);
        g.drawRect(x, y, size, size);
        if (title != null) {
            g.setFont(new Font(ChartLook.FONT, Font.PLAIN, Math.max(9, Math.min(12, size / 18))));
            g.setColor(Palette.INK);
            g.drawString(title, x + 4, y + g.getFontMetrics().getAscent() + 2);
        }
    }

    private static int channel(double c) {
        return (int) Math.round(Math.max(0, Math.min(1, c)) * 255);
    }
}
