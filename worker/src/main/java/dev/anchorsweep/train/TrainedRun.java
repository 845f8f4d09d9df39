package dev.anchorsweep.train;

import dev.anchorsweep.model.ModelWeights;
import dev.anchorsweep.run.RunSpec;
import dev.anchorsweep.stopping.Stop;

import java.util.List;
import java.util.Map;

/**
 * The outcome of training one run.
 *
 * @param weights          the final weights, null when the run failed before producing any
 * @param history          the logged steps, in step order
 * @param labelCounts      labels drawn per concept over the whole run
 * @param snapshots        weights at the snapshot steps (0 = initial, steps = final)
 * @param failure          null when the run trained to the end with finite losses
 * @param trainSeconds     this run's share of its pack's training wall time (pack time / pack size)
 * @param packSize         how many runs were trained together in one graph
 * @param stop             where a stopping rule stopped the run (its history ends there, its weights are those
 *                         there), or null when it trained every step
 */
public record TrainedRun(RunSpec spec, ModelWeights weights, List<HistoryPoint> history, Map<String, Long> labelCounts,
                         Map<Integer, ModelWeights> snapshots, RunFailure failure, double trainSeconds, int packSize,
                         Stop stop) {

    /** A run no stopping rule stopped. */
    public TrainedRun(RunSpec spec, ModelWeights weights, List<HistoryPoint> history, Map<String, Long> labelCounts,
                      Map<Integer, ModelWeights> snapshots, RunFailure failure, double trainSeconds, int packSize) {
        this(spec, weights, history, labelCounts, snapshots, failure, trainSeconds, packSize, null);
    }

    public TrainedRun {
        history = List.copyOf(history);
        labelCounts = Map.copyOf(labelCounts);
        snapshots = Map.copyOf(snapshots);
    }

    public boolean ok() {
        return failure == null;
    }

    /** Whether a stopping rule stopped the run (it did not fail). */
    public boolean stopped() {
        return stop != null && failure == null;
    }

    /** The updates the run was trained for: its stop step, or all its steps. */
    public int stepsTrained() {
        return stop != null ? stop.step() : spec.training().steps();
    }

    public static TrainedRun failed(RunSpec spec, RunFailure failure, double trainSeconds) {
        return new TrainedRun(spec, null, List.of(), Map.of(), Map.of(), failure, trainSeconds, 1);
    }

    /** The last logged validation metrics (after the final update), or an empty map. */
    public Map<String, Double> finalValidation() {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (!history.get(i).validation().isEmpty()) return history.get(i).validation();
        }
        return Map.of();
    }

    /** The last logged training losses, or an empty map. */
    public Map<String, Double> finalLosses() {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (!history.get(i).losses().isEmpty()) return history.get(i).losses();
        }
        return Map.of();
    }
}
