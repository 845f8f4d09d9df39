package dev.anchorsweep.analysis.chart;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.util.List;

/**
 * Best-run selection of one arm: every ok run at (validation reconstruction error, selection score), the Pareto front
 * highlighted and the selected run circled. The front is computed on all selection metrics, so with more than one
 * metric a front point can look dominated in this two-metric view.
 */
public final class SelectionChart {

    /** One run: its validation reconstruction error, its selection score, whether it is on the front, or the best. */
    public record Point(double recon, double score, boolean onFront, boolean best) {
    }

    private SelectionChart() {
    }

    public static XYChart build(String title, String scoreName, List<Point> points, int width, int height) {
        XYChart chart = new XYChart(width, height);
        ChartLook.apply(chart.getStyler());
        chart.setTitle(title);
        chart.setXAxisTitle("validation reconstruction error (log)");
        chart.setYAxisTitle(scoreName);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        // x is log10 of the error on a linear axis, labelled with the error: readable ticks within one decade too
        chart.getStyler().setXAxisTickLabelsFormattingFunction(v -> TickLabels.rough(Math.pow(10, v)));
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setMarkerSize(8);
        chart.getStyler().setYAxisDecimalPattern("0.##");
        add(chart, "dominated", points.stream().filter(p -> !p.onFront()).toList(), SeriesMarkers.CIRCLE, Palette.CANDIDATE);
        add(chart, "Pareto front", points.stream().filter(p -> p.onFront() && !p.best()).toList(), SeriesMarkers.DIAMOND,
                Palette.FRONT);
        add(chart, "selected", points.stream().filter(Point::best).toList(), SeriesMarkers.SQUARE, Palette.BEST);
        return chart;
    }

    private static void add(XYChart chart, String name, List<Point> points, org.knowm.xchart.style.markers.Marker marker,
                            java.awt.Color color) {
        List<Point> drawable = points.stream().filter(p -> p.recon() > 0 && Double.isFinite(p.score())).toList();
        if (drawable.isEmpty()) return;
        double[] x = drawable.stream().mapToDouble(p -> Math.log10(p.recon())).toArray();
        double[] y = drawable.stream().mapToDouble(Point::score).toArray();
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(marker);
        s.setMarkerColor(color);
    }
}
