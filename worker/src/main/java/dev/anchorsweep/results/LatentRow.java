package dev.anchorsweep.results;

import static dev.anchorsweep.results.ColumnCheck.*;

import java.util.List;

/**
 * One row of the {@code latents} table: the latent vector of one evaluation colour at one snapshot step of a run,
 * under one intervention ({@code baseline} for none). The vector's values are not checked.
 */
public record LatentRow(String sweepId, String runId, int step, String intervention, String colorSet, int colorIndex,
                        double r, double g, double b, List<Double> latent) {

    public LatentRow {
        sweepId = id("sweep_id", sweepId);
        runId = id("run_id", runId);
        atLeast("step", step, 0);
        intervention = text("intervention", intervention);
        colorSet = text("color_set", colorSet);
        atLeast("color_index", colorIndex, 0);
        unit("r", r);
        unit("g", g);
        unit("b", b);
        latent = list("latent", latent);
        if (latent.isEmpty()) throw new IllegalArgumentException("latent must not be empty (run " + runId + ", step " + step + ")");
    }
}
