package dev.anchorsweep.results;

import java.util.List;

/**
 * Everything one run writes: its {@code runs} row and its {@code history}, {@code evaluations} and {@code latents}
 * rows, all of the same sweep and run. Any of the lists may be empty (a failed run has no evaluations).
 */
public record RunRows(RunRow run, List<HistoryRow> history, List<EvaluationRow> evaluations, List<LatentRow> latents) {

    public RunRows {
        ColumnCheck.present("run", run);
        history = ColumnCheck.list("history", history);
        evaluations = ColumnCheck.list("evaluations", evaluations);
        latents = ColumnCheck.list("latents", latents);
        for (HistoryRow row : history) requireSameRun("history", row.sweepId(), row.runId(), run);
        for (EvaluationRow row : evaluations) requireSameRun("evaluations", row.sweepId(), row.runId(), run);
        for (LatentRow row : latents) requireSameRun("latents", row.sweepId(), row.runId(), run);
    }

    public String sweepId() {
        return run.sweepId();
    }

    public String runId() {
        return run.runId();
    }

    private static void requireSameRun(String table, String sweepId, String runId, RunRow run) {
        if (!sweepId.equals(run.sweepId()) || !runId.equals(run.runId())) {
            throw new IllegalArgumentException("every row of a run must carry its sweep_id and run_id (" + run.sweepId() + ", "
                    + run.runId() + "), but a " + table + " row has (" + sweepId + ", " + runId + ")");
        }
    }
}
