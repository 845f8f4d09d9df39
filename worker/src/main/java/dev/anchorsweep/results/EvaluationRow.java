package dev.anchorsweep.results;

import static dev.anchorsweep.results.ColumnCheck.*;

/**
 * One row of the {@code evaluations} table: one evaluation colour passed through one run under one intervention.
 * The input colour (r, g, b, h, s, v) must lie in [0, 1]; model outputs are not checked (a diverged model's NaN
 * must be recordable).
 *
 * @param intervention {@code baseline} for none
 * @param colorName    null for unnamed colours
 * @param outR         red of the reconstruction, clamped to [0, 1] (likewise outG, outB)
 * @param similarity   HSV similarity to the run's concept colour; null when the run has none
 */
public record EvaluationRow(String sweepId, String runId, String intervention, String colorSet, int colorIndex, String colorName,
                            double r, double g, double b, double h, double s, double v,
                            double outR, double outG, double outB, double error, Double similarity) {

    public static final String BASELINE = "baseline";

    public EvaluationRow {
        sweepId = id("sweep_id", sweepId);
        runId = id("run_id", runId);
        intervention = text("intervention", intervention);
        colorSet = text("color_set", colorSet);
        atLeast("color_index", colorIndex, 0);
        colorName = optionalText("color_name", colorName);
        unit("r", r);
        unit("g", g);
        unit("b", b);
        unit("h", h);
        unit("s", s);
        unit("v", v);
    }
}
