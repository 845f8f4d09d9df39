package dev.anchorsweep.analysis.chart;

import java.util.List;

/**
 * The fixed window of one view (two latent dims) over every snapshot of a run, so that an animation's points move and
 * its frame stays put: ±1.1 on the unit sphere (as {@link LatentScatterChart}), else a square around every point of
 * every snapshot and the origin.
 */
public record LatentFrame(Projection projection, double xMin, double xMax, double yMin, double yMax) {

    public static LatentFrame of(Projection p, List<List<LatentSample>> snapshots) {
        double minX = 0, maxX = 0, minY = 0, maxY = 0, extent = 0;
        for (List<LatentSample> snapshot : snapshots) {
            for (LatentSample s : snapshot) {
                double x = s.latent()[p.x()], y = s.latent()[p.y()];
                if (!Double.isFinite(x) || !Double.isFinite(y)) continue;
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
                extent = Math.max(extent, Math.max(Math.abs(x), Math.abs(y)));
            }
        }
        if (extent <= 1.02 && extent > 0.5) return new LatentFrame(p, -1.1, 1.1, -1.1, 1.1);
        double half = Math.max(Math.max(maxX - minX, maxY - minY), 1e-9) * 0.54;
        double cx = (minX + maxX) / 2, cy = (minY + maxY) / 2;
        return new LatentFrame(p, cx - half, cx + half, cy - half, cy + half);
    }

    /** x of a latent in [0, 1] across the frame (0 left). */
    public double u(double[] latent) {
        return (latent[projection.x()] - xMin) / (xMax - xMin);
    }

    /** y of a latent in [0, 1] up the frame (0 bottom). */
    public double v(double[] latent) {
        return (latent[projection.y()] - yMin) / (yMax - yMin);
    }
}
