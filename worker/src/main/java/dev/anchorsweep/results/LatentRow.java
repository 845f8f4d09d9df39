package dev.anchorsweep.results;

import static dev.anchorsweep.results.ColumnCheck.*;

import java.util.Arrays;

/**
 * One row of the {@code latents} table: the latent vectors of every colour of one colour set at one snapshot step of
 * a run, under one intervention ({@code baseline} for none). The colours' r, g, b and their latents are arrays in
 * colour order: {@code latent[i]} is the latent of colour {@code i} = ({@code r[i]}, {@code g[i]}, {@code b[i]}), and
 * {@code i} is its {@code color_index}. The arrays are copied; the latent values are not checked.
 */
public record LatentRow(String sweepId, String runId, int step, String intervention, String colorSet,
                        double[] r, double[] g, double[] b, double[][] latent) {

    public LatentRow {
        sweepId = id("sweep_id", sweepId);
        runId = id("run_id", runId);
        atLeast("step", step, 0);
        intervention = text("intervention", intervention);
        colorSet = text("color_set", colorSet);
        present("latent", latent);
        int colors = latent.length;
        if (colors == 0) throw new IllegalArgumentException("latent must hold at least one colour (run " + runId + ", step " + step + ")");
        r = channel("r", r, colors, runId, step);
        g = channel("g", g, colors, runId, step);
        b = channel("b", b, colors, runId, step);
        double[][] copy = new double[colors][];
        int dim = latent[0] == null ? 0 : latent[0].length;
        for (int i = 0; i < colors; i++) {
            if (latent[i] == null || latent[i].length != dim || dim == 0) {
                throw new IllegalArgumentException("every colour's latent must hold the same number (≥ 1) of values, but colour "
                        + i + " has " + (latent[i] == null ? "none" : latent[i].length) + " and colour 0 has " + dim
                        + " (run " + runId + ", step " + step + ")");
            }
            copy[i] = latent[i].clone();
        }
        latent = copy;
    }

    /** The number of colours (the arrays' length). */
    public int colors() {
        return latent.length;
    }

    private static double[] channel(String column, double[] values, int colors, String runId, int step) {
        present(column, values);
        if (values.length != colors) {
            throw new IllegalArgumentException(column + " must hold one value per colour (" + colors + " latents), but holds "
                    + values.length + " (run " + runId + ", step " + step + ")");
        }
        for (double v : values) unit(column, v);
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LatentRow l && step == l.step && sweepId.equals(l.sweepId) && runId.equals(l.runId)
                && intervention.equals(l.intervention) && colorSet.equals(l.colorSet) && Arrays.equals(r, l.r)
                && Arrays.equals(g, l.g) && Arrays.equals(b, l.b) && Arrays.deepEquals(latent, l.latent);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * (31 * sweepId.hashCode() + runId.hashCode()) + step) + intervention.hashCode())
                + Arrays.deepHashCode(latent);
    }

    @Override
    public String toString() {
        return "LatentRow[" + sweepId + ", " + runId + ", step " + step + ", " + intervention + ", " + colorSet + ", "
                + colors() + " colours × " + latent[0].length + " dims]";
    }
}
