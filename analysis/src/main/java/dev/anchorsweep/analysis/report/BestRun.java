package dev.anchorsweep.analysis.report;

import dev.anchorsweep.analysis.sql.QueryResult;
import dev.anchorsweep.analysis.sql.ResultRow;

import java.util.List;
import java.util.Map;

/** One row of the {@code best_runs} view: the run selected for an arm, with what the report shows about it. */
public record BestRun(String arm, long seed, String runId, String selectionIntervention, Double selectionScore,
                      Map<String, Double> selectionMetrics, Double valRecon, long frontSize, long candidates,
                      Map<String, Double> scores, List<String> regularizers, int latentDim, int layers, int steps,
                      Double trainSeconds, double[] conceptDirection, Map<String, Double> labelCounts) {

    static List<BestRun> of(QueryResult result) {
        return ResultRow.all(result).stream().map(r -> new BestRun(r.string("arm"), r.integer("seed"),
                r.string("run_id"), r.string("selection_intervention"), r.number("selection_score"),
                r.numbers("selection_metrics"), r.number("val_recon"), r.integer("front_size"), r.integer("candidates"),
                r.numbers("scores"), r.strings("regularizers"), (int) r.integer("latent_dim"),
                (int) r.integer("layers"), (int) r.integer("steps"), r.number("train_seconds"),
                r.doubles("concept_direction"), r.numbers("label_counts"))).toList();
    }

    /** The latent dim the concept is anchored to: the largest entry of its direction, else 0. */
    public int conceptDim() {
        if (conceptDirection == null || conceptDirection.length == 0) return 0;
        int best = 0;
        for (int i = 1; i < conceptDirection.length; i++) {
            if (Math.abs(conceptDirection[i]) > Math.abs(conceptDirection[best])) best = i;
        }
        return best;
    }
}
