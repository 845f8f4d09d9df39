package dev.anchorsweep.analysis.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.util.List;
import java.util.Locale;

/**
 * A {@link Timeline} drawn with Java2D, the way the reference's timeline figures read: one strip per scheduled
 * property, each scaled to its own range (lr on a log scale when it spans more than a decade), the loss terms below in
 * one panel on a log scale, the phases' names above and a dashed line at every phase change, a shared step axis at the
 * bottom; optionally a marker at the current step. The strips and the loss panel share one x mapping, given by
 * {@link #plotLeft()} and {@link #plotRight()}: what an HTML page needs to put its own marker on the picture exactly.
 */
public final class TimelinePanel {

    static final int LABEL = 150, RIGHT = 110, HEADER = 20, STRIP = 26, GAP = 5, LOSS = 130, AXIS = 26;
    private static final Color STRIP_BACKGROUND = new Color(0xf9fafb);
    private static final Color PHASE_LINE = new Color(0x9ca3af);
    private static final Color MARKER = new Color(0xdc2626);

    private final Timeline timeline;
    private final int width;

    public TimelinePanel(Timeline timeline, int width) {
        this.timeline = timeline;
        this.width = width;
    }

    public int height() {
        int strips = timeline.properties().size();
        return HEADER + strips * (STRIP + GAP) + (timeline.losses().isEmpty() ? 0 : LOSS + GAP) + AXIS;
    }

    public int width() {
        return width;
    }

    public int plotLeft() {
        return LABEL;
    }

    public int plotRight() {
        return width - RIGHT;
    }

    /** The top of the strips and the bottom of the loss panel: where a marker starts and ends. */
    public int plotTop() {
        return HEADER;
    }

    public int plotBottom() {
        return height() - AXIS;
    }

    private double px(double step) {
        double span = Math.max(1e-9, timeline.lastStep() - timeline.firstStep());
        return LABEL + (step - timeline.firstStep()) / span * (plotRight() - LABEL);
    }

    /** Draws the timeline with its top left corner at (x, y); a red line at {@code marker} when not null. */
    public void draw(Graphics2D g, int x, int y, Integer marker) {
        Graphics2D c = (Graphics2D) g.create();
        try {
            c.translate(x, y);
            c.setColor(Color.WHITE);
            c.fillRect(0, 0, width, height());
            Font small = new Font(ChartLook.FONT, Font.PLAIN, 10), label = new Font(ChartLook.FONT, Font.PLAIN, 11);
            int top = HEADER;
            for (Curve property : timeline.properties()) {
                strip(c, property, top, label, small);
                top += STRIP + GAP;
            }
            if (!timeline.losses().isEmpty()) {
                losses(c, top, label, small);
                top += LOSS + GAP;
            }
            axis(c, top, small);
            phases(c, top, small);
            if (marker != null) {
                c.setColor(MARKER);
                c.setStroke(new BasicStroke(2f));
                c.draw(new Line2D.Double(px(marker), HEADER - 2, px(marker), top));
            }
        } finally {
            c.dispose();
        }
    }

    private void strip(Graphics2D g, Curve curve, int top, Font label, Font small) {
        int right = plotRight();
        g.setColor(STRIP_BACKGROUND);
        g.fillRect(LABEL, top, right - LABEL, STRIP);
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double v : curve.y()) {
            if (!Double.isFinite(v)) continue;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        boolean log = min > 0 && max / min > 10;
        double lo = log ? Math.log10(min) : Math.min(0, min), hi = log ? Math.log10(max) : max;
        if (hi <= lo) hi = lo + (lo == 0 ? 1 : Math.abs(lo));
        g.setColor(Palette.INK);
        g.setFont(label);
        g.drawString(clip(g.getFontMetrics(), curve.name() + (log ? " (log)" : ""), LABEL - 8), 4, top + 11);
        g.setFont(small);
        g.setColor(new Color(0x6b7280));
        String range = Double.isFinite(min) ? compact(min) + " – " + compact(max) : "no value";
        g.drawString(clip(g.getFontMetrics(), range, LABEL - 8), 4, top + 23);
        Path2D.Double path = new Path2D.Double();
        boolean started = false;
        for (int i = 0; i < curve.x().length; i++) {
            double v = curve.y()[i];
            if (!Double.isFinite(v) || (log && v <= 0)) continue;
            double t = ((log ? Math.log10(v) : v) - lo) / (hi - lo);
            double py = top + STRIP - 3 - t * (STRIP - 6);
            if (!started) path.moveTo(px(curve.x()[i]), py);
            else path.lineTo(px(curve.x()[i]), py);
            started = true;
        }
        g.setColor(Palette.of(curve.name()));
        g.setStroke(new BasicStroke(1.6f));
        g.draw(path);
    }

    private void losses(Graphics2D g, int top, Font label, Font small) {
        int right = plotRight();
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (Curve c : timeline.losses()) {
            for (double v : c.y()) {
                if (v > 0 && Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        g.setColor(Color.WHITE);
        g.fillRect(LABEL, top, right - LABEL, LOSS);
        g.setColor(new Color(0xd1d5db));
        g.drawRect(LABEL, top, right - LABEL, LOSS);
        g.setFont(label);
        g.setColor(Palette.INK);
        g.drawString("loss terms (log)", 4, top + 11);
        if (!Double.isFinite(min)) return;
        double lo = Math.floor(Math.log10(min)), hi = Math.ceil(Math.log10(max));
        if (hi <= lo) hi = lo + 1;
        g.setFont(small);
        for (double d = lo; d <= hi; d++) {
            double py = top + LOSS - (d - lo) / (hi - lo) * LOSS;
            g.setColor(new Color(0xeef0f3));
            g.draw(new Line2D.Double(LABEL, py, right, py));
            g.setColor(new Color(0x6b7280));
            String text = "1e" + (int) d;
            g.drawString(text, LABEL - 6 - g.getFontMetrics().stringWidth(text), (float) py + 4);
        }
        int legend = top + 12;
        for (Curve c : timeline.losses()) {
            Path2D.Double path = new Path2D.Double();
            boolean started = false;
            for (int i = 0; i < c.x().length; i++) {
                double v = c.y()[i];
                if (!(v > 0) || !Double.isFinite(v)) {
                    started = false;
                    continue;
                }
                double py = top + LOSS - (Math.log10(v) - lo) / (hi - lo) * LOSS;
                if (!started) path.moveTo(px(c.x()[i]), py);
                else path.lineTo(px(c.x()[i]), py);
                started = true;
            }
            g.setColor(Palette.of(c.name()));
            g.setStroke(new BasicStroke(c.name().equals("total") ? 2.2f : 1.4f));
            g.draw(path);
            if (legend < top + LOSS) {
                g.fillRect(right + 8, legend - 7, 10, 3);
                g.setColor(Palette.INK);
                g.drawString(clip(g.getFontMetrics(), c.name(), RIGHT - 24), right + 22, legend);
                legend += 13;
            }
        }
    }

    private void axis(Graphics2D g, int top, Font small) {
        g.setFont(small);
        g.setColor(new Color(0x6b7280));
        double first = timeline.firstStep(), last = timeline.lastStep();
        double tick = niceTick(last - first);
        for (double s = Math.ceil(first / tick) * tick; s <= last + 1e-9; s += tick) {
            String text = String.format(Locale.ROOT, "%,d", (long) s);
            float px = (float) px(s);
            g.draw(new Line2D.Double(px, top, px, top + 4));
            g.drawString(text, px - g.getFontMetrics().stringWidth(text) / 2f, top + 15);
        }
        g.drawString("step", plotRight() + 16, top + 15);
    }

    private void phases(Graphics2D g, int bottom, Font small) {
        List<Timeline.Phase> phases = timeline.phases();
        Shape clip = g.getClip();
        g.setFont(small);
        Dashes dashed = new Dashes();
        for (int i = 0; i < phases.size(); i++) {
            Timeline.Phase p = phases.get(i);
            boolean renamed = i == 0 || !phases.get(i - 1).name().equals(p.name());
            double px = px(p.step());
            if (p.step() > timeline.firstStep()) {
                g.setColor(PHASE_LINE);
                g.setStroke(renamed ? dashed.strong : dashed.weak);
                g.draw(new Line2D.Double(px, HEADER - 4, px, bottom));
            }
            if (!renamed) continue;
            int next = i + 1;
            while (next < phases.size() && phases.get(next).name().equals(p.name())) next++;
            double end = next < phases.size() ? px(phases.get(next).step()) : plotRight();
            g.setColor(Palette.INK);
            g.setClip((int) px, 0, (int) Math.max(1, end - px - 2), HEADER);
            g.drawString(p.name(), (float) px + 3, HEADER - 6);
            g.setClip(clip);
        }
    }

    private static final class Dashes {
        final BasicStroke strong = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
                new float[] {5f, 3f}, 0f);
        final BasicStroke weak = new BasicStroke(0.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
                new float[] {2f, 3f}, 0f);
    }

    /** A round tick spacing (1, 2 or 5 × 10^k) giving at most 8 ticks over {@code span}. */
    static double niceTick(double span) {
        if (!(span > 0)) return 1;
        double raw = span / 8, power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * power >= raw) return Math.max(1, m * power);
        }
        return Math.max(1, 10 * power);
    }

    static String compact(double v) {
        if (v == 0) return "0";
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e4) {
            String s = String.format(Locale.ROOT, "%.3g", v);
            if (s.contains(".")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
            return s;
        }
        return String.format(Locale.ROOT, "%.2g", v);
    }

    private static String clip(FontMetrics fm, String text, int width) {
        if (fm.stringWidth(text) <= width) return text;
        String t = text;
        while (t.length() > 1 && fm.stringWidth(t + "…") > width) t = t.substring(0, t.length() - 1);
        return t + "…";
    }
}
