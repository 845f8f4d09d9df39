package dev.anchorsweep.results;

import static dev.anchorsweep.results.ColumnCheck.*;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One row of the {@code runs} table: a run's identity, grid-axis values, architecture, outcome, losses, timings
 * and provenance. Components map one to one, in order, onto the snake_case columns of {@code avro/runs.avsc}.
 *
 * @param status      {@link #OK}, {@link #STOPPED} or {@link #FAILED}
 * @param error       why the run failed; required when failed, null when ok
 * @param failedStep  training step at which the run failed; null when ok (or when it failed outside training)
 * @param axes        grid axis name → the value this run takes on it
 * @param finalLoss   total loss at the last step; null when no step completed
 * @param finalRecon  reconstruction loss at the last step; null when no step completed
 * @param valRecon    validation reconstruction loss; null when not validated
 * @param scores      selectivity score per intervention
 * @param selectionIntervention the intervention whose score ranks runs for best-run selection, or null
 * @param selectionScore        that intervention's score, or null
 * @param selectionMetrics      the final validation metrics best-run selection minimises (e.g. recon, anchor)
 * @param conceptDirection      the latent direction of the run's concept (its first anchor, else its first latent
 *                              intervention), or null
 * @param spec        the canonical resolved run spec that {@code runId} hashes
 * @param attempt     attempt number of the task that wrote the row, 0 for the first
 * @param sweepVersion the sweep version whose run trained the run (later versions reuse it by run id)
 * @param engine      the training engine that trained the run ({@code fused} or {@code samediff})
 * @param stoppedStep when stopped: the validation step at which a stopping rule stopped it; null otherwise
 * @param stopRule    when stopped: the rule that stopped it; null otherwise
 * @param conceptLabel the summary's concept colour or group label of an evaluated run, or null (see
 *                     {@code dev.anchorsweep.job.ConceptErrors}, which computes the five summary columns)
 * @param conceptGroup whether the concept is a colour group
 * @param conceptError intervention → the concept colour's error (a group: its median error)
 * @param otherLabel   the complement colour or the other group's label, or null
 * @param otherError   intervention → the complement's error (a group: the other group's worst error)
 */
public record RunRow(String sweepId, String runId, String arm, int seed, String status, String error, Integer failedStep,
                     List<String> regularizers, Map<String, String> axes,
                     int latentDim, int hiddenWidth, int layers, int steps, int batchSize, String packId, int packSize,
                     double trainSeconds, double evalSeconds, Double finalLoss, Double finalRecon, Map<String, Double> finalTerms,
                     Double valRecon, Map<String, Double> valTerms, Map<String, Long> labelCounts, Map<String, Double> scores,
                     String selectionIntervention, Double selectionScore, Map<String, Double> selectionMetrics,
                     List<Double> conceptDirection,
                     String spec, String codeVersion, String host, String jvm, Instant startedAt, Instant finishedAt, int attempt,
                     int sweepVersion, String engine, Integer stoppedStep, String stopRule,
                     String conceptLabel, boolean conceptGroup, Map<String, Double> conceptError, String otherLabel,
                     Map<String, Double> otherError) {

    public static final String OK = "ok";
    public static final String FAILED = "failed";
    public static final String STOPPED = "stopped";

    public RunRow {
        sweepId = id("sweep_id", sweepId);
        runId = id("run_id", runId);
        arm = text("arm", arm);
        if (!OK.equals(status) && !FAILED.equals(status) && !STOPPED.equals(status)) {
            throw new IllegalArgumentException("status must be 'ok', 'stopped' or 'failed', but got " + quoted(status)
                    + " for run " + runId);
        }
        if (STOPPED.equals(status)) {
            if (stoppedStep == null || stopRule == null) {
                throw new IllegalArgumentException("a stopped run needs stopped_step and stop_rule, but run " + runId
                        + " has stopped_step " + stoppedStep + " and stop_rule " + quoted(stopRule));
            }
            stopRule = text("stop_rule", stopRule);
            atLeast("stopped_step", stoppedStep, 0);
        } else if (stoppedStep != null || stopRule != null) {
            throw new IllegalArgumentException("only a stopped run has stopped_step and stop_rule, but run " + runId
                    + " (" + status + ") has stopped_step " + stoppedStep + " and stop_rule " + quoted(stopRule));
        }
        if (FAILED.equals(status)) {
            error = text("error (required when status is failed)", error);
        } else if (error != null || failedStep != null) {
            throw new IllegalArgumentException((OK.equals(status) ? "an ok" : "a stopped") + " run must have no error and no failed_step, but run " + runId
                    + " has error " + quoted(error) + " and failed_step " + failedStep);
        }
        if (failedStep != null) atLeast("failed_step", failedStep, 0);
        regularizers = list("regularizers", regularizers);
        axes = map("axes", axes);
        atLeast("latent_dim", latentDim, 1);
        atLeast("hidden_width", hiddenWidth, 1);
        atLeast("layers", layers, 1);
        atLeast("steps", steps, 1);
        atLeast("batch_size", batchSize, 1);
        packId = text("pack_id", packId);
        atLeast("pack_size", packSize, 1);
        nonNegative("train_seconds", trainSeconds);
        nonNegative("eval_seconds", evalSeconds);
        finalTerms = map("final_terms", finalTerms);
        valTerms = map("val_terms", valTerms);
        labelCounts = map("label_counts", labelCounts);
        scores = map("scores", scores);
        selectionMetrics = map("selection_metrics", selectionMetrics);
        conceptDirection = conceptDirection == null ? null : List.copyOf(conceptDirection);
        spec = text("spec", spec);
        codeVersion = text("code_version", codeVersion);
        host = text("host", host);
        jvm = text("jvm", jvm);
        startedAt = millis("started_at", startedAt);
        finishedAt = notBefore("finished_at", millis("finished_at", finishedAt), "started_at", startedAt);
        atLeast("attempt", attempt, 0);
        atLeast("sweep_version", sweepVersion, 1);
        engine = text("engine", engine);
        conceptLabel = optionalText("concept_label", conceptLabel);
        conceptError = map("concept_error", conceptError);
        otherLabel = optionalText("other_label", otherLabel);
        otherError = map("other_error", otherError);
        if (conceptLabel == null && !conceptError.isEmpty()) {
            throw new IllegalArgumentException("concept_error needs a concept_label, but run " + runId
                    + " has none and concept_error " + conceptError);
        }
        if (otherLabel == null && !otherError.isEmpty()) {
            throw new IllegalArgumentException("other_error needs an other_label, but run " + runId
                    + " has none and other_error " + otherError);
        }
    }

    public boolean ok() {
        return OK.equals(status);
    }

    public boolean stopped() {
        return STOPPED.equals(status);
    }
}
