package dev.anchorsweep.results;

import static dev.anchorsweep.results.ColumnCheck.*;

import java.util.Map;

/**
 * One row of the {@code history} table: a run's state at one logged training step. Loss values are not checked
 * (a diverging run must be recordable), but {@code losses} must name {@code recon} and {@code total}.
 *
 * @param weights    weight of each regularizer at this step
 * @param losses     {@code recon}, {@code total} and one term per regularizer
 * @param validation validation metrics; empty when not validated at this step
 */
public record HistoryRow(String sweepId, String runId, int step, double lr, Map<String, Double> weights,
                         Map<String, Double> losses, Map<String, Double> validation) {

    public HistoryRow {
        sweepId = id("sweep_id", sweepId);
        runId = id("run_id", runId);
        atLeast("step", step, 0);
        nonNegative("lr", lr);
        weights = map("weights", weights);
        losses = map("losses", losses);
        // the row after the last update (step = steps) carries only validation metrics
        if (!losses.isEmpty() && (!losses.containsKey("recon") || !losses.containsKey("total"))) {
            throw new IllegalArgumentException("losses must be empty or hold 'recon' and 'total', but run " + runId + " step " + step
                    + " has " + losses.keySet());
        }
        validation = map("validation", validation);
    }
}
