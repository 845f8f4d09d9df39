package dev.anchorsweep.fused;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The latents of one batch, feature-major {@code [K][bp]}, as the regularizers see them (SCA-SPEC §2–3): the encoder
 * output {@code preNorm}, the latent {@code z} the decoder reads (preNorm / max(‖preNorm‖, 1e-12) behind the
 * normalising bottleneck, preNorm itself otherwise) and the unit directions û the angular terms use (z itself behind
 * the bottleneck, z / (‖z‖ + 1e-8) otherwise), with a gradient buffer for each. The backward pass folds the three
 * gradients into the gradient of the encoder output.
 */
final class LatentBatch {

    private static final VectorSpecies<Float> S = Lanes.SPECIES;
    private static final int L = Lanes.LENGTH;
    static final float NORM_FLOOR = 1e-12f;
    static final float UNIT_EPS = 1e-8f;

    final int k;
    final int bp;
    final int batch;
    final boolean normalize;
    final float[] preNorm;
    final float[] z;
    final float[] unit;
    /** ‖preNorm‖ per sample. */
    final float[] norm;
    final float[] gradPreNorm;
    final float[] gradZ;
    final float[] gradUnit;
    /** The per-sample loss weights ŵ of the batch [≥ bp] (0 on padded samples), or null for plain means. */
    float[] sampleWeights;

    LatentBatch(int k, int batch, boolean normalize) {
        this.k = k;
        this.batch = batch;
        this.bp = Lanes.padded(batch);
        this.normalize = normalize;
        this.preNorm = new float[k * bp];
        this.z = normalize ? new float[k * bp] : preNorm;
        this.unit = normalize ? z : new float[k * bp];
        this.norm = new float[bp];
        this.gradPreNorm = new float[k * bp];
        this.gradZ = new float[k * bp];
        this.gradUnit = new float[k * bp];
    }

    /** Computes the norms, z and û from preNorm. */
    void forward() {
        for (int c = 0; c < bp; c += L) {
            FloatVector sq = FloatVector.zero(S);
            for (int d = 0; d < k; d++) {
                FloatVector v = FloatVector.fromArray(S, preNorm, d * bp + c);
                sq = v.fma(v, sq);
            }
            FloatVector n = sq.lanewise(VectorOperators.SQRT);
            n.intoArray(norm, c);
            FloatVector divisor = normalize ? n.max(NORM_FLOOR) : n.add(UNIT_EPS);
            float[] target = normalize ? z : unit;
            for (int d = 0; d < k; d++) {
                FloatVector.fromArray(S, preNorm, d * bp + c).div(divisor).intoArray(target, d * bp + c);
            }
        }
    }

    /** Clears the gradients the terms add to (gradZ is first written by the decoder). */
    void clearTermGradients() {
        java.util.Arrays.fill(gradPreNorm, 0f);
        java.util.Arrays.fill(gradUnit, 0f);
    }

    /** The gradient of the encoder output, from gradZ, gradUnit and gradPreNorm, into {@code out [K][bp]}. */
    void backward(float[] out) {
        for (int c = 0; c < bp; c += L) {
            FloatVector n = FloatVector.fromArray(S, norm, c);
            if (normalize) {
                FloatVector dot = FloatVector.zero(S);
                for (int d = 0; d < k; d++) {
                    int i = d * bp + c;
                    FloatVector g = FloatVector.fromArray(S, gradZ, i).add(FloatVector.fromArray(S, gradUnit, i));
                    g.intoArray(gradZ, i);
                    dot = g.fma(FloatVector.fromArray(S, z, i), dot);
                }
                FloatVector m = n.max(NORM_FLOOR);
                for (int d = 0; d < k; d++) {
                    int i = d * bp + c;
                    FloatVector g = FloatVector.fromArray(S, gradZ, i)
                            .sub(FloatVector.fromArray(S, z, i).mul(dot)).div(m);
                    g.add(FloatVector.fromArray(S, gradPreNorm, i)).intoArray(out, i);
                }
            } else {
                FloatVector dot = FloatVector.zero(S);
                for (int d = 0; d < k; d++) {
                    int i = d * bp + c;
                    dot = FloatVector.fromArray(S, gradUnit, i).fma(FloatVector.fromArray(S, z, i), dot);
                }
                FloatVector ne = n.add(UNIT_EPS);
                FloatVector radial = dot.div(n.mul(ne).mul(ne));
                for (int d = 0; d < k; d++) {
                    int i = d * bp + c;
                    FloatVector g = FloatVector.fromArray(S, gradUnit, i).div(ne)
                            .sub(FloatVector.fromArray(S, z, i).mul(radial))
                            .add(FloatVector.fromArray(S, gradZ, i))
                            .add(FloatVector.fromArray(S, gradPreNorm, i));
                    g.intoArray(out, i);
                }
            }
        }
    }
}
