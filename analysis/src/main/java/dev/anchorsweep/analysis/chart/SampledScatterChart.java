package dev.anchorsweep.analysis.chart;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A sampled sweep's outcome against one sampled setting, one dot per run, coloured by a second setting in at most
 * {@link #GROUPS} groups of equal counts (XChart colours whole series), low values dark, high values light; degenerate
 * runs as grey crosses. The x axis is logarithmic when the values are positive and span more than a factor of 20.
 */
public final class SampledScatterChart {

    static final int GROUPS = 5;
    /** Viridis at five points, the lightest darkened to stay visible on white. */
    static final List<Color> RAMP = List.of(new Color(0x440154), new Color(0x3b528b), new Color(0x21918c),
            new Color(0x5ec962), new Color(0xc8b400));

    /** One run: the setting's value, the outcome, the colouring setting's value (NaN when there is none). */
    public record Point(double x, double y, double colour, boolean degenerate) {
    }

    private SampledScatterChart() {
    }

    /**
     * @param colourName the colouring setting's name, or null to draw every run alike; the legend shows its ranges
     *                   only (the page names it under the chart)
     */
    public static XYChart build(String title, String xName, String yName, String colourName, List<Point> points,
                                int width, int height) {
        XYChart chart = new XYChart(width, height);
        ChartLook.apply(chart.getStyler());
        chart.setTitle(title);
        chart.setYAxisTitle(yName);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        chart.getStyler().setMarkerSize(7);
        chart.getStyler().setYAxisDecimalPattern("0.###");
        List<Point> drawable = points.stream().filter(p -> Double.isFinite(p.x()) && Double.isFinite(p.y())).toList();
        boolean log = logScale(drawable);
        chart.setXAxisTitle(xName + (log ? " (log)" : ""));
        chart.getStyler().setXAxisLogarithmic(log);
        if (!log) chart.getStyler().setXAxisTickLabelsFormattingFunction(TickLabels::rough);

        List<Point> good = drawable.stream().filter(p -> !p.degenerate()).toList();
        if (colourName == null) {
            add(chart, "runs", good, RAMP.get(1));
        } else {
            List<List<Point>> groups = groups(good);
            for (int g = 0; g < groups.size(); g++) {
                List<Point> group = groups.get(g);
                double lo = group.stream().mapToDouble(Point::colour).min().orElse(Double.NaN);
                double hi = group.stream().mapToDouble(Point::colour).max().orElse(Double.NaN);
                String label = lo == hi ? TickLabels.compact(lo) : TickLabels.compact(lo) + "–" + TickLabels.compact(hi);
                add(chart, label, group, RAMP.get(groups.size() == 1 ? 1 : g * (RAMP.size() - 1) / (groups.size() - 1)));
            }
        }
        List<Point> degenerate = drawable.stream().filter(Point::degenerate).toList();
        if (!degenerate.isEmpty()) {
            XYSeries s = chart.addSeries("degenerate", degenerate.stream().mapToDouble(Point::x).toArray(),
                    degenerate.stream().mapToDouble(Point::y).toArray());
            s.setMarker(SeriesMarkers.CROSS);
            s.setMarkerColor(Palette.CANDIDATE);
        }
        if (good.isEmpty() && degenerate.isEmpty()) chart.addSeries("no runs", new double[] {log ? 1 : 0}, new double[] {0});
        return chart;
    }

    static boolean logScale(List<Point> points) {
        double min = points.stream().mapToDouble(Point::x).min().orElse(0);
        double max = points.stream().mapToDouble(Point::x).max().orElse(0);
        return min > 0 && max / min > 20;
    }

    /**
     * The points by their colouring value: one group per distinct value when there are at most {@link #GROUPS},
     * else {@link #GROUPS} groups of (nearly) equal counts in value order, equal values in one group.
     */
    static List<List<Point>> groups(List<Point> points) {
        List<Point> sorted = new ArrayList<>(points.stream().filter(p -> !Double.isNaN(p.colour())).toList());
        sorted.sort(Comparator.comparingDouble(Point::colour));
        List<Double> distinct = sorted.stream().map(Point::colour).distinct().toList();
        List<List<Point>> out = new ArrayList<>();
        if (distinct.size() <= GROUPS) {
            for (double v : distinct) out.add(sorted.stream().filter(p -> p.colour() == v).toList());
            return out;
        }
        List<Point> current = new ArrayList<>();
        boolean due = false;  // a group boundary was passed; close the group at the next change of value
        for (int i = 0; i < sorted.size(); i++) {
            current.add(sorted.get(i));
            due |= (long) (i + 1) * GROUPS / sorted.size() > (long) i * GROUPS / sorted.size();
            boolean tie = i + 1 < sorted.size() && sorted.get(i + 1).colour() == sorted.get(i).colour();
            if ((due && !tie) || i + 1 == sorted.size()) {
                out.add(current);
                current = new ArrayList<>();
                due = false;
            }
        }
        return out;
    }

    private static void add(XYChart chart, String name, List<Point> points, Color colour) {
        if (points.isEmpty()) return;
        XYSeries s = chart.addSeries(name, points.stream().mapToDouble(Point::x).toArray(),
                points.stream().mapToDouble(Point::y).toArray());
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(colour);
    }
}
