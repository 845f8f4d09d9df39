package dev.anchorsweep.analysis.chart;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.util.List;
import java.util.function.Function;

/**
 * Named curves against a shared x axis, each in its palette colour (so "ablate" is blue in every chart), every other
 * one dashed. On a logarithmic y axis only positive points are drawn.
 */
public final class LineChart {

    /** Axis titles, size and scale of a line chart. */
    public record Axes(String title, String xTitle, String yTitle, int width, int height, boolean logY,
                       Function<Double, String> xTicks, Double xMin, Double xMax) {

        public Axes(String title, String xTitle, String yTitle, int width, int height, boolean logY) {
            this(title, xTitle, yTitle, width, height, logY, null, null, null);
        }
    }

    private LineChart() {
    }

    public static XYChart build(Axes axes, List<Curve> curves) {
        XYChart chart = new XYChart(axes.width(), axes.height());
        ChartLook.apply(chart.getStyler());
        chart.setTitle(axes.title());
        chart.setXAxisTitle(axes.xTitle());
        chart.setYAxisTitle(axes.yTitle());
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setYAxisLogarithmic(axes.logY());
        if (axes.logY()) {
            chart.getStyler().setYAxisLogarithmicDecadeOnly(true);
            chart.getStyler().setPlotGridHorizontalLinesVisible(false);
            chart.getStyler().setYAxisTickLabelsFormattingFunction(TickLabels::compact);
        }
        chart.getStyler().setMarkerSize(0);
        if (axes.xTicks() != null) chart.getStyler().setXAxisTickLabelsFormattingFunction(axes.xTicks());
        if (axes.xMin() != null) chart.getStyler().setXAxisMin(axes.xMin());
        if (axes.xMax() != null) chart.getStyler().setXAxisMax(axes.xMax());
        if (!axes.logY()) chart.getStyler().setYAxisDecimalPattern("0.###");
        int drawn = 0;
        for (Curve c : curves) {
            Curve curve = axes.logY() ? c.positive() : c;
            if (curve.isEmpty()) continue;
            XYSeries s = chart.addSeries(curve.name(), curve.x(), curve.y());
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(Palette.of(curve.name()));
            // every other curve dashed, so that curves lying on each other (e.g. ablate under repel) stay visible
            s.setLineStyle(drawn % 2 == 1
                    ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {7f, 4f}, 0f)
                    : new BasicStroke(curve.name().equals("baseline") ? 1.5f : 2f));
            drawn++;
        }
        chart.getStyler().setLegendVisible(drawn > 1);
        if (drawn == 0) {
            XYSeries s = chart.addSeries("no data", new double[] {0}, new double[] {axes.logY() ? 1 : 0});
            s.setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }
}
