package dev.anchorsweep.train;

import dev.anchorsweep.model.ModelWeights;
import dev.anchorsweep.run.RunSpec;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SameDiff engine's loss values and gradients for one run, given weights, batch, labels and regularizer weights:
 * the oracle the fused engine is tested against. Float precision, exactly the graph training uses.
 */
public final class SameDiffOracle {

    /**
     * @param terms     each regularizer's value, in the run's regularizer order
     * @param gradients per layer, encoder then decoder: {weights [in·out] row-major, bias [out]}
     */
    public record Result(double recon, double[] terms, List<float[][]> gradients) {
    }

    private SameDiffOracle() {
    }

    /**
     * @param rows    the batch, [B][3] row-major
     * @param labels  per concept of the run, the 0/1 label of every sample
     * @param weights per regularizer of the run, its weight
     */
    public static Result evaluate(RunSpec run, ModelWeights initial, float[] rows, float[][] labels, float[] weights) {
        return evaluate(run, initial, rows, labels, weights, DataType.FLOAT);
    }

    /** As above in another precision (DOUBLE: the float inputs, computed in double). */
    public static Result evaluate(RunSpec run, ModelWeights initial, float[] rows, float[][] labels, float[] weights,
                                  DataType type) {
        PackGraph g = PackGraph.build(List.of(run), List.of(initial), type);
        int b = rows.length / 3;
        Map<String, INDArray> feed = new HashMap<>();
        feed.put(PackGraph.X, Nd4j.create(rows, new long[] {1, b, 3}, 'c').castTo(type));
        int slots = g.slots.size();
        if (slots > 0) {
            float[] w = new float[slots];
            for (TermSlot slot : g.slots) w[slot.index()] = weights[g.regularizerOfSlot[0][slot.index()]];
            feed.put(PackGraph.WEIGHT, Nd4j.create(w, new long[] {1, slots}, 'c').castTo(type));
        }
        for (TermSlot slot : g.slots) {
            if (!slot.labelled()) continue;
            var reg = run.regularizers().get(g.regularizerOfSlot[0][slot.index()]);
            int concept = run.concepts().indexOf(run.concept(reg.concept()).orElseThrow());
            feed.put(slot.maskName(), Nd4j.create(labels[concept].clone(), new long[] {1, b}, 'c').castTo(type));
        }
        Map<String, INDArray> grads = g.sd.calculateGradients(feed, g.parameterNames());
        List<String> outputs = new ArrayList<>(List.of(PackGraph.RECON));
        g.slots.forEach(s -> outputs.add(s.termName()));
        Map<String, INDArray> out = g.sd.output(feed, outputs.toArray(String[]::new));
        double[] terms = new double[run.regularizers().size()];
        for (TermSlot slot : g.slots) terms[g.regularizerOfSlot[0][slot.index()]] = out.get(slot.termName()).getDouble(0);
        List<float[][]> layers = new ArrayList<>();
        int enc = run.architecture().encoderShapes().size(), dec = run.architecture().decoderShapes().size();
        for (int l = 0; l < enc + dec; l++) {
            String name = l < enc ? "enc" + l : "dec" + (l - enc);
            layers.add(new float[][] {grads.get(name + "_W").castTo(DataType.FLOAT).dup('c').data().asFloat(),
                    grads.get(name + "_b").castTo(DataType.FLOAT).dup('c').data().asFloat()});
        }
        return new Result(out.get(PackGraph.RECON).getDouble(0), terms, layers);
    }
}
