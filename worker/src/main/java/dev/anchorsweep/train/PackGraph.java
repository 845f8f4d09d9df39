package dev.anchorsweep.train;

import dev.anchorsweep.model.Architecture;
import dev.anchorsweep.model.DenseLayer;
import dev.anchorsweep.model.ModelWeights;
import dev.anchorsweep.regularizer.LatentVariables;
import dev.anchorsweep.regularizer.TermReduction;
import dev.anchorsweep.run.RegularizerSpec;
import dev.anchorsweep.run.RunSpec;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One SameDiff graph holding P independent autoencoders (DESIGN.md "Training engine: packs"): weights
 * {@code [P, in, out]}, batches {@code [P, B, 3]}, per-run regularizer weights {@code [P, S]} fed every step, per-run
 * label masks and per-run directions/dims. The loss is the sum of the runs' losses; as no parameter is shared, each
 * model's gradient and Adam update are exactly its own.
 *
 * <p>Outputs: {@code recon} [P], {@code term<s>} [P] per slot, and the scalar {@code loss}.
 */
final class PackGraph {

    static final String X = "x";
    static final String WEIGHT = "weight";
    static final String RECON = "recon";
    static final String LOSS = "loss";

    final SameDiff sd;
    final DataType dataType;
    final Architecture architecture;
    final int packSize;
    final List<TermSlot> slots;
    /** Per run, per slot: the index of the run's RegularizerSpec in that slot, or -1. */
    final int[][] regularizerOfSlot;
    private final List<String> parameterNames = new ArrayList<>();

    static {
        QuietSameDiff.install();
    }

    private PackGraph(List<RunSpec> runs, DataType dataType) {
        this.sd = SameDiff.create();
        this.dataType = dataType;
        this.architecture = runs.get(0).architecture();
        this.packSize = runs.size();
        Map<String, TermSlot> byKey = new LinkedHashMap<>();
        for (RunSpec run : runs) {
            for (RegularizerSpec r : run.regularizers()) {
                byKey.computeIfAbsent(TermSlot.keyOf(r),
                        k -> new TermSlot(byKey.size(), r.name(), r.regularizer(), r.labelled()));
            }
        }
        this.slots = List.copyOf(byKey.values());
        this.regularizerOfSlot = new int[runs.size()][slots.size()];
        for (int p = 0; p < runs.size(); p++) {
            java.util.Arrays.fill(regularizerOfSlot[p], -1);
            List<RegularizerSpec> regs = runs.get(p).regularizers();
            for (int i = 0; i < regs.size(); i++) {
                regularizerOfSlot[p][byKey.get(TermSlot.keyOf(regs.get(i))).index()] = i;
            }
        }
    }

    /** Builds the graph for runs of one pack shape, starting from the given initial weights (one per run). */
    static PackGraph build(List<RunSpec> runs, List<ModelWeights> initial) {
        return build(runs, initial, DataType.FLOAT);
    }

    /** As {@link #build(List, List)} in another precision (DOUBLE for gradient checks; training uses FLOAT). */
    static PackGraph build(List<RunSpec> runs, List<ModelWeights> initial, DataType dataType) {
        PackGraph g = new PackGraph(runs, dataType);
        g.define(runs, initial);
        return g;
    }

    private void define(List<RunSpec> runs, List<ModelWeights> initial) {
        int p = packSize;
        int k = architecture.latentDim();
        SDVariable x = sd.placeHolder(X, dataType, p, -1, Architecture.COLOR_CHANNELS);

        SDVariable h = x;
        List<Architecture.LayerShape> enc = architecture.encoderShapes();
        for (int l = 0; l < enc.size(); l++) {
            h = dense("enc" + l, h, stack(initial, l, true));
            if (l < enc.size() - 1) h = gelu(h);
        }
        SDVariable preNorm = h;
        SDVariable z = architecture.normalize()
                ? preNorm.div(sd.math.max(preNorm.norm2(true, 2), sd.constant(Nd4j.scalar(1e-12f).castTo(dataType))))
                : preNorm;
        h = z;
        List<Architecture.LayerShape> dec = architecture.decoderShapes();
        for (int l = 0; l < dec.size(); l++) {
            h = dense("dec" + l, h, stack(initial, l, false));
            if (l < dec.size() - 1) h = gelu(h);
        }
        SDVariable y = architecture.sigmoidOutput() ? sd.nn.sigmoid(h) : h;
        SDVariable recon = sd.math.squaredDifference(y, x).mean(RECON, 1, 2);            // [P]

        SDVariable total = recon;
        if (!slots.isEmpty()) {
            LatentVariables latent = new LatentVariables(sd, preNorm, z, architecture.normalize());
            SDVariable[] terms = new SDVariable[slots.size()];
            for (TermSlot slot : slots) {
                terms[slot.index()] = term(slot, latent, runs, k);
            }
            SDVariable weight = sd.placeHolder(WEIGHT, dataType, p, slots.size());
            SDVariable stacked = terms.length == 1 ? terms[0].reshape(p, 1) : sd.stack(1, terms);   // [P, S]
            total = recon.add(stacked.mul(weight).sum(1));
        }
        total.sum(LOSS);
        sd.setLossVariables(LOSS);
    }

    private SDVariable term(TermSlot slot, LatentVariables latent, List<RunSpec> runs, int k) {
        SDVariable parameter = null;
        if (slot.prototype().parameter(k) != null) {
            float[] values = new float[packSize * k];
            for (int p = 0; p < packSize; p++) {
                int r = regularizerOfSlot[p][slot.index()];
                if (r < 0) continue;
                double[] v = runs.get(p).regularizers().get(r).regularizer().parameter(k);
                for (int d = 0; d < k; d++) values[p * k + d] = (float) v[d];
            }
            parameter = sd.constant(slot.parameterName(), Nd4j.create(values, new long[] {packSize, 1, k}, 'c').castTo(dataType));
        }
        SDVariable perSample = slot.prototype().perSample(latent, parameter);                 // [P, B]
        if (!slot.labelled()) return TermReduction.allSamples(slot.termName(), perSample);
        SDVariable mask = sd.placeHolder(slot.maskName(), dataType, packSize, -1);
        return TermReduction.labelled(slot.termName(), perSample, mask);
    }

    private SDVariable dense(String name, SDVariable in, INDArray[] wb) {
        SDVariable w = sd.var(name + "_W", wb[0]);
        SDVariable b = sd.var(name + "_b", wb[1]);
        parameterNames.add(w.name());
        parameterNames.add(b.name());
        return sd.mmul(in, w).add(b);
    }

    private SDVariable gelu(SDVariable x) {
        return ExactGelu.of(x);
    }

    /** Stacks layer {@code l} of every run into [P, in, out] weights and [P, 1, out] biases. */
    private INDArray[] stack(List<ModelWeights> initial, int l, boolean encoder) {
        DenseLayer first = (encoder ? initial.get(0).encoder() : initial.get(0).decoder()).get(l);
        int in = first.in(), out = first.out();
        float[] w = new float[packSize * in * out];
        float[] b = new float[packSize * out];
        for (int p = 0; p < packSize; p++) {
            DenseLayer layer = (encoder ? initial.get(p).encoder() : initial.get(p).decoder()).get(l);
            System.arraycopy(layer.weights(), 0, w, p * in * out, in * out);
            System.arraycopy(layer.bias(), 0, b, p * out, out);
        }
        return new INDArray[] {Nd4j.create(w, new long[] {packSize, in, out}, 'c').castTo(dataType),
                Nd4j.create(b, new long[] {packSize, 1, out}, 'c').castTo(dataType)};
    }

    /** Placeholder names in the order a training step feeds them. */
    List<String> featureNames() {
        List<String> names = new ArrayList<>();
        names.add(X);
        if (!slots.isEmpty()) names.add(WEIGHT);
        for (TermSlot s : slots) if (s.labelled()) names.add(s.maskName());
        return names;
    }

    List<String> parameterNames() {
        return parameterNames;
    }

    /** The current weights of run {@code p}. */
    ModelWeights weightsOf(int p) {
        List<DenseLayer> encoder = new ArrayList<>();
        List<DenseLayer> decoder = new ArrayList<>();
        for (int l = 0; l < architecture.encoderShapes().size(); l++) encoder.add(layerOf("enc" + l, p));
        for (int l = 0; l < architecture.decoderShapes().size(); l++) decoder.add(layerOf("dec" + l, p));
        return new ModelWeights(architecture, encoder, decoder);
    }

    private static float[] floats(INDArray contiguous) {
        return contiguous.castTo(DataType.FLOAT).dup('c').data().asFloat();
    }

    private DenseLayer layerOf(String name, int p) {
        INDArray w = sd.getVariable(name + "_W").getArr();
        INDArray b = sd.getVariable(name + "_b").getArr();
        INDArray wp = w.get(NDArrayIndex.point(p), NDArrayIndex.all(), NDArrayIndex.all()).dup('c');
        INDArray bp = b.get(NDArrayIndex.point(p), NDArrayIndex.all(), NDArrayIndex.all()).dup('c');
        return new DenseLayer((int) w.size(1), (int) w.size(2), floats(wp), floats(bp));
    }
}
