package dev.anchorsweep.train;

import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.ListenerVariables;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Records the per-run loss values ([P] vectors) of every training step as SameDiff computes them. */
final class StepRecorder extends BaseListener {

    private final Map<String, float[][]> values = new HashMap<>(); // variable → [step][run]

    StepRecorder(List<String> variables, int steps) {
        for (String v : variables) values.put(v, new float[steps][]);
    }

    @Override
    public boolean isActive(Operation operation) {
        return operation == Operation.TRAINING;
    }

    @Override
    public ListenerVariables requiredVariables(SameDiff sd) {
        return ListenerVariables.builder()
                .requireVariables(Operation.TRAINING, values.keySet().toArray(String[]::new)).build();
    }

    @Override
    public void activationAvailable(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op, String varName,
                                    INDArray activation) {
        float[][] series = values.get(varName);
        if (series != null && activation != null && at.iteration() < series.length) series[at.iteration()] = activation.toFloatVector();
    }

    /** The value of {@code variable} for run {@code p} at {@code step}, NaN if it was never computed. */
    double value(String variable, int step, int p) {
        float[] atStep = values.get(variable)[step];
        return atStep == null ? Double.NaN : atStep[p];
    }
}
