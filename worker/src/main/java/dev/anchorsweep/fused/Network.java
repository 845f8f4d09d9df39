package dev.anchorsweep.fused;

import dev.anchorsweep.color.Rgb;
import dev.anchorsweep.model.Architecture;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import java.util.List;

/**
 * The forward and backward pass of one autoencoder on one batch, over buffers allocated once (SCA-SPEC §2):
 * {@code Linear → GELU → … → Linear} to the latent, the bottleneck, and the mirrored decoder (sigmoid output
 * optional). Parameters and gradients are flat vectors laid out by {@link FusedLayout}; one network serves every run
 * of a pack in turn.
 */
final class Network {

    private static final VectorSpecies<Float> S = Lanes.SPECIES;
    private static final int L = Lanes.LENGTH;
    private static final int C = Architecture.COLOR_CHANNELS;

    final FusedLayout layout;
    final int batch;
    final int bp;
    /** The input colours [3][bp]; padded samples repeat the first sample, so every value stays finite. */
    final float[] x;
    /** Per layer: its output before the activation [out][bp] (the encoder's last is the latent's preNorm). */
    private final float[][] pre;
    /** Per activated layer: GELU of its output, and GELU's derivative there. */
    private final float[][] act;
    private final float[][] slope;
    final LatentBatch latent;
    /** The weight of the reconstruction loss in the gradient of {@link #backwardDecoder} (set per step; default 1). */
    float reconWeight = 1f;
    /** The reconstruction [3][bp]. */
    final float[] y;
    private final float[] gradA;
    private final float[] gradB;
    private final float[] encoderGrad;
    private final float[] scratch;
    /** Per-sample loss weights ŵ [bp] (0 on padded samples), or null for plain means. */
    private float[] sampleWeights;
    private final float[] weightBuffer;

    Network(FusedLayout layout, int batch) {
        this.layout = layout;
        this.batch = batch;
        this.bp = Lanes.padded(batch);
        Architecture a = layout.architecture;
        this.x = new float[C * bp];
        this.latent = new LatentBatch(a.latentDim(), batch, a.normalize());
        this.pre = new float[layout.layers][];
        this.act = new float[layout.layers][];
        this.slope = new float[layout.layers][];
        for (int l = 0; l < layout.layers; l++) {
            pre[l] = l == layout.encoderLayers - 1 ? latent.preNorm : new float[layout.out[l] * bp];
            if (layout.activated(l)) {
                act[l] = new float[layout.out[l] * bp];
                slope[l] = new float[layout.out[l] * bp];
            }
        }
        this.y = a.sigmoidOutput() ? new float[C * bp] : pre[layout.layers - 1];
        this.gradA = new float[layout.maxWidth * bp];
        this.gradB = new float[layout.maxWidth * bp];
        this.encoderGrad = new float[a.latentDim() * bp];
        this.scratch = new float[Dense.scratchSize(layout.maxWidth, bp)];
        this.weightBuffer = new float[bp];
    }

    /**
     * Weights the next passes' per-sample losses by {@code w} (ŵ of the first {@code batch} samples; the losses become
     * Σ ŵ_i·ℓ_i / B), or makes them plain means again ({@code null}).
     */
    void weigh(float[] w) {
        if (w == null) {
            sampleWeights = null;
        } else {
            System.arraycopy(w, 0, weightBuffer, 0, batch);
            sampleWeights = weightBuffer;
        }
        latent.sampleWeights = sampleWeights;
    }

    /** Loads these colours as the batch (as many as the network's batch). */
    void loadColors(List<Rgb> colors) {
        float[] rows = new float[colors.size() * C];
        for (int i = 0; i < colors.size(); i++) {
            rows[C * i] = (float) colors.get(i).r();
            rows[C * i + 1] = (float) colors.get(i).g();
            rows[C * i + 2] = (float) colors.get(i).b();
        }
        load(rows);
    }

    /** Loads a batch given row-major [batch][3]. */
    void load(float[] rows) {
        for (int i = 0; i < bp; i++) {
            int src = (i < batch ? i : 0) * C;
            for (int c = 0; c < C; c++) x[c * bp + i] = rows[src + c];
        }
    }

    void forward(float[] p) {
        float[] in = x;
        for (int l = 0; l < layout.layers; l++) {
            Dense.forward(p, layout.weightOffset[l], layout.biasOffset[l], layout.in[l], layout.out[l], in, pre[l], bp);
            if (layout.activated(l)) {
                ExactGeluKernel.apply(pre[l], act[l], slope[l], layout.out[l] * bp);
                in = act[l];
            } else if (l == layout.encoderLayers - 1) {
                latent.forward();
                in = latent.z;
            }
        }
        if (layout.architecture.sigmoidOutput()) {
            float[] h = pre[layout.layers - 1];
            for (int i = 0; i < C * bp; i += L) {
                FloatVector v = FloatVector.fromArray(S, h, i);
                FloatVector.broadcast(S, 1f).div(Lanes.exp(v.neg()).add(1f))
                        .intoArray(y, i);
            }
        }
    }

    /** The encoder alone, to the latents ({@link #latent}): for passes that read no reconstruction. */
    void encode(float[] p) {
        float[] in = x;
        for (int l = 0; l < layout.encoderLayers; l++) {
            Dense.forward(p, layout.weightOffset[l], layout.biasOffset[l], layout.in[l], layout.out[l], in, pre[l], bp);
            if (layout.activated(l)) {
                ExactGeluKernel.apply(pre[l], act[l], slope[l], layout.out[l] * bp);
                in = act[l];
            } else {
                latent.forward();
            }
        }
    }

    /** MSE(y, x) over the real samples and the 3 channels. */
    float recon() {
        if (sampleWeights != null) return weightedRecon();
        float sum = 0;
        for (int c = 0; c < C; c++) {
            FloatVector acc = FloatVector.zero(S);
            for (int i = 0; i < bp; i += L) {
                FloatVector d = FloatVector.fromArray(S, y, c * bp + i).sub(FloatVector.fromArray(S, x, c * bp + i));
                acc = d.fma(d, acc).blend(acc, Lanes.real(i, batch).not());
            }
            sum += Lanes.sum(acc);
        }
        return sum / (C * batch);
    }

    /** Σ_i ŵ_i·mean_c (y − x)² / B: the reference's per-sample recon (mean over channels) weighted. */
    private float weightedRecon() {
        FloatVector acc = FloatVector.zero(S);
        for (int i = 0; i < bp; i += L) {
            FloatVector per = FloatVector.zero(S);
            for (int c = 0; c < C; c++) {
                FloatVector d = FloatVector.fromArray(S, y, c * bp + i).sub(FloatVector.fromArray(S, x, c * bp + i));
                per = d.fma(d, per);
            }
            acc = per.fma(FloatVector.fromArray(S, sampleWeights, i), acc);
        }
        return Lanes.sum(acc) / (C * batch);
    }

    /**
     * Backpropagates the reconstruction loss through the decoder: parameter gradients into {@code g}, the latent's
     * gradient into {@code latent.gradZ}.
     */
    void backwardDecoder(float[] p, float[] g) {
        int last = layout.layers - 1;
        float scale = 2f / (C * batch) * reconWeight;
        float[] dy = gradA;
        boolean sigmoid = layout.architecture.sigmoidOutput();
        for (int c = 0; c < C; c++) {
            for (int i = 0; i < bp; i += L) {
                int o = c * bp + i;
                FloatVector yv = FloatVector.fromArray(S, y, o);
                FloatVector d = yv.sub(FloatVector.fromArray(S, x, o)).mul(scale);
                if (sampleWeights != null) d = d.mul(FloatVector.fromArray(S, sampleWeights, i));
                if (sigmoid) d = d.mul(yv).mul(yv.neg().add(1f));
                FloatVector.zero(S).blend(d, Lanes.real(i, batch)).intoArray(dy, o);
            }
        }
        float[] spare = gradB;
        for (int l = last; l >= layout.encoderLayers; l--) {
            float[] input = l == layout.encoderLayers ? latent.z : act[l - 1];
            Dense.parameterGradients(g, layout.weightOffset[l], layout.biasOffset[l], layout.in[l], layout.out[l],
                    input, dy, bp, scratch);
            if (l == layout.encoderLayers) {
                Dense.inputGradient(p, layout.weightOffset[l], layout.in[l], layout.out[l], dy, latent.gradZ, bp);
            } else {
                Dense.inputGradient(p, layout.weightOffset[l], layout.in[l], layout.out[l], dy, spare, bp);
                multiply(spare, slope[l - 1], layout.in[l] * bp);
                float[] t = dy;
                dy = spare;
                spare = t;
            }
        }
    }

    /** Backpropagates from the latent's gradients (decoder and regularizers) through the encoder into {@code g}. */
    void backwardEncoder(float[] p, float[] g) {
        latent.backward(encoderGrad);
        float[] dy = encoderGrad;
        float[] spare = gradA;
        float[] other = gradB;
        for (int l = layout.encoderLayers - 1; l >= 0; l--) {
            float[] input = l == 0 ? x : act[l - 1];
            Dense.parameterGradients(g, layout.weightOffset[l], layout.biasOffset[l], layout.in[l], layout.out[l],
                    input, dy, bp, scratch);
            if (l > 0) {
                Dense.inputGradient(p, layout.weightOffset[l], layout.in[l], layout.out[l], dy, spare, bp);
                multiply(spare, slope[l - 1], layout.in[l] * bp);
                dy = spare;
                spare = other;
                other = dy;
            }
        }
    }

    private static void multiply(float[] a, float[] b, int n) {
        for (int i = 0; i < n; i += L) {
            FloatVector.fromArray(S, a, i).mul(FloatVector.fromArray(S, b, i)).intoArray(a, i);
        }
    }
}
