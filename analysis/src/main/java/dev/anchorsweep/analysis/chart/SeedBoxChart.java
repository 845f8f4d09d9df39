package dev.anchorsweep.analysis.chart;

import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;

/**
 * Box plots of one metric across seeds, drawn on an XY chart so that every box has its own colour (XChart's own box
 * chart draws every box blue): the box spans the
 * quartiles, the thick line is the median, the whiskers reach the smallest and largest seed, and every seed is a dot
 * (spread sideways so that equal values stay visible). The quartiles come from the caller (the report takes them from
 * Spark SQL's {@code percentile}), so the boxes show exactly the tables' numbers.
 */
public final class SeedBoxChart {

    /** One box: its group's label (boxes of one group stand together), colour, quartiles, range, per-seed values. */
    public record Box(String label, Color color, double q1, double median, double q3, double min, double max,
                      double[] seeds) {
    }

    static final double HALF_WIDTH = 0.28;

    private SeedBoxChart() {
    }

    public static XYChart build(String title, String yTitle, List<Box> boxes, int width, int height, Double yMax) {
        XYChart chart = new XYChart(width, height);
        ChartLook.apply(chart.getStyler());
        chart.setTitle(title);
        chart.setYAxisTitle(yTitle);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setMarkerSize(5);
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        chart.getStyler().setXAxisTicksVisible(false);

        // consecutive boxes with the same label form a group, labelled once under its boxes; groups are spaced apart
        double[] position = new double[boxes.size()];
        double x = 0;
        for (int i = 0; i < boxes.size(); i++) {
            if (i > 0) x += boxes.get(i).label().equals(boxes.get(i - 1).label()) ? 0.8 : 1.3;
            position[i] = x;
        }
        double top = yMax != null ? yMax : boxes.stream().mapToDouble(Box::max).max().orElse(1) * 1.08;
        if (top <= 0) top = 1;
        double bottom = -0.12 * top;
        chart.getStyler().setXAxisMin(-0.6).setXAxisMax(x + 0.6);
        chart.getStyler().setYAxisMin(bottom).setYAxisMax(top);
        chart.getStyler().setYAxisTickLabelsFormattingFunction(v -> v < -1e-12 ? " " : TickLabels.compact(v));
        chart.getStyler().setAnnotationTextFont(new java.awt.Font(ChartLook.FONT, java.awt.Font.PLAIN, 12));
        chart.getStyler().setAnnotationTextFontColor(Palette.INK);

        line(chart, "zero", new double[] {-0.6, x + 0.6}, new double[] {0, 0}, new Color(0x9ca3af), 1f);
        int groupStart = 0;
        for (int i = 0; i < boxes.size(); i++) {
            Box b = boxes.get(i);
            double c = position[i], l = c - HALF_WIDTH, r = c + HALF_WIDTH;
            line(chart, i + "whisker", new double[] {c, c}, new double[] {b.min(), b.q1()}, b.color(), 1.2f);
            line(chart, i + "whisker2", new double[] {c, c}, new double[] {b.q3(), b.max()}, b.color(), 1.2f);
            line(chart, i + "cap", new double[] {c - HALF_WIDTH / 2, c + HALF_WIDTH / 2}, new double[] {b.min(), b.min()},
                    b.color(), 1.2f);
            line(chart, i + "cap2", new double[] {c - HALF_WIDTH / 2, c + HALF_WIDTH / 2}, new double[] {b.max(), b.max()},
                    b.color(), 1.2f);
            line(chart, i + "box", new double[] {l, r, r, l, l}, new double[] {b.q1(), b.q1(), b.q3(), b.q3(), b.q1()},
                    b.color(), 1.6f);
            line(chart, i + "median", new double[] {l, r}, new double[] {b.median(), b.median()}, b.color().darker(), 3f);
            if (b.seeds().length > 0) {
                double[] dx = new double[b.seeds().length];
                for (int k = 0; k < dx.length; k++) dx[k] = c + jitter(k, dx.length);
                XYSeries dots = chart.addSeries(i + "seeds", dx, b.seeds());
                dots.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                dots.setMarker(SeriesMarkers.CIRCLE);
                dots.setMarkerColor(new Color(b.color().getRed(), b.color().getGreen(), b.color().getBlue(), 120));
                dots.setShowInLegend(false);
            }
            boolean groupEnds = i == boxes.size() - 1 || !boxes.get(i + 1).label().equals(b.label());
            if (groupEnds) {
                double middle = (position[groupStart] + position[i]) / 2;
                chart.addAnnotation(new AnnotationText(b.label(), middle, bottom * 0.5, false));
                groupStart = i + 1;
            }
        }
        return chart;
    }

    /** A deterministic sideways offset within the box for seed k of n. */
    static double jitter(int k, int n) {
        if (n == 1) return 0;
        double golden = (k * 0.6180339887) % 1.0;
        return (golden - 0.5) * HALF_WIDTH * 1.4;
    }

    private static void line(XYChart chart, String name, double[] x, double[] y, Color color, float width) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineStyle(new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        s.setShowInLegend(false);
    }
}
