package dev.anchorsweep.analysis.chart;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A latent scatter plot: every colour at its latent coordinates on two dims, drawn in its own true colour. XChart
 * colours whole series, so colours are binned to {@value #LEVELS} levels per channel (at most 125 series), each bin
 * drawn in its centre colour; greys first and vibrant colours last, so the hue structure stays on top. The concept's
 * anchor direction, when given, is marked with a black triangle.
 */
public final class LatentScatterChart {

    static final int LEVELS = 5;

    private LatentScatterChart() {
    }

    public static XYChart build(String title, List<LatentSample> samples, Projection projection, double[] anchor,
                                int width, int height, boolean thumbnail) {
        XYChart chart = new XYChart(width, height);
        if (thumbnail) ChartLook.applyThumbnail(chart.getStyler());
        else ChartLook.apply(chart.getStyler());
        chart.setTitle(title);
        chart.setXAxisTitle("z" + projection.x());
        chart.setYAxisTitle("z" + projection.y());
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(thumbnail ? 2 : 3);
        chart.getStyler().setLegendVisible(!thumbnail && anchor != null);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        chart.getStyler().setPlotGridLinesVisible(!thumbnail);

        Map<Integer, List<LatentSample>> bins = new LinkedHashMap<>();
        double extent = 0;
        for (LatentSample s : samples) {
            bins.computeIfAbsent(bin(s), k -> new ArrayList<>()).add(s);
            extent = Math.max(extent, Math.max(Math.abs(s.latent()[projection.x()]), Math.abs(s.latent()[projection.y()])));
        }
        List<Integer> order = new ArrayList<>(bins.keySet());
        order.sort(Comparator.comparingDouble(LatentScatterChart::vibrancy).thenComparing(k -> k));
        for (int key : order) {
            List<LatentSample> bin = bins.get(key);
            double[] x = new double[bin.size()], y = new double[bin.size()];
            for (int i = 0; i < bin.size(); i++) {
                x[i] = bin.get(i).latent()[projection.x()];
                y[i] = bin.get(i).latent()[projection.y()];
            }
            XYSeries series = chart.addSeries("bin " + key, x, y);
            series.setMarker(SeriesMarkers.CIRCLE);
            series.setMarkerColor(color(key));
            series.setShowInLegend(false);
        }
        if (anchor != null && anchor.length > Math.max(projection.x(), projection.y())) {
            // the anchor direction as a black arrow from the origin, drawn last so that no colour hides it
            XYSeries a = chart.addSeries("anchor", new double[] {0, anchor[projection.x()]},
                    new double[] {0, anchor[projection.y()]});
            a.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            a.setLineColor(Color.BLACK);
            a.setLineStyle(new java.awt.BasicStroke(thumbnail ? 1.5f : 2.5f));
            a.setMarker(SeriesMarkers.TRIANGLE_UP);
            a.setMarkerColor(Color.BLACK);
            a.setShowInLegend(true);
            a.setLabel("concept anchor");
            extent = Math.max(extent, Math.max(Math.abs(anchor[projection.x()]), Math.abs(anchor[projection.y()])));
        }
        if (extent <= 1.02 && extent > 0.5) {
            // on the unit sphere: the same frame for every run, so that runs compare
            chart.getStyler().setXAxisMin(-1.1).setXAxisMax(1.1).setYAxisMin(-1.1).setYAxisMax(1.1);
        } else {
            frameToData(chart, samples, projection, anchor);
        }
        chart.getStyler().setXAxisDecimalPattern("0.#");
        chart.getStyler().setYAxisDecimalPattern("0.#");
        return chart;
    }

    /** A square frame around the points, the origin and the anchor: unnormalised latents fill their plot. */
    private static void frameToData(XYChart chart, List<LatentSample> samples, Projection p, double[] anchor) {
        double minX = 0, maxX = 0, minY = 0, maxY = 0;
        for (LatentSample s : samples) {
            minX = Math.min(minX, s.latent()[p.x()]);
            maxX = Math.max(maxX, s.latent()[p.x()]);
            minY = Math.min(minY, s.latent()[p.y()]);
            maxY = Math.max(maxY, s.latent()[p.y()]);
        }
        if (anchor != null && anchor.length > Math.max(p.x(), p.y())) {
            minX = Math.min(minX, anchor[p.x()]);
            maxX = Math.max(maxX, anchor[p.x()]);
            minY = Math.min(minY, anchor[p.y()]);
            maxY = Math.max(maxY, anchor[p.y()]);
        }
        double half = Math.max(Math.max(maxX - minX, maxY - minY), 1e-9) * 0.54;
        double cx = (minX + maxX) / 2, cy = (minY + maxY) / 2;
        chart.getStyler().setXAxisMin(cx - half).setXAxisMax(cx + half).setYAxisMin(cy - half).setYAxisMax(cy + half);
    }

    static int bin(LatentSample s) {
        return level(s.r()) * LEVELS * LEVELS + level(s.g()) * LEVELS + level(s.b());
    }

    private static int level(double c) {
        return (int) Math.round(Math.max(0, Math.min(1, c)) * (LEVELS - 1));
    }

    static Color color(int key) {
        int r = key / (LEVELS * LEVELS), g = (key / LEVELS) % LEVELS, b = key % LEVELS;
        return new Color(scale(r), scale(g), scale(b));
    }

    private static int scale(int level) {
        return (int) Math.round(255.0 * level / (LEVELS - 1));
    }

    private static double vibrancy(int key) {
        int r = key / (LEVELS * LEVELS), g = (key / LEVELS) % LEVELS, b = key % LEVELS;
        return Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b));
    }

}
