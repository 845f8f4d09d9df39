package dev.anchorsweep.fused;

import dev.anchorsweep.color.Rgb;
import dev.anchorsweep.regularizer.CapturedAnchor;

import java.util.List;

/**
 * A captured anchor ({@code regularizer.CapturedAnchor}) in the fused engine: its colours are a batch of their own
 * through the encoder of the run (a {@link Network} of that batch size), not part of the training batch. At the
 * start of the capture step their latents z_ref are kept; from then on L = mean over colours c and latent dims of
 * (z(c) − z_ref(c))², and its gradient is backpropagated through the encoder and added to the run's gradient after
 * the batch's own backward pass (which overwrites the encoder's part). Before the capture L = 0 with no gradient.
 */
final class CapturedAnchorPass {

    private final int captureStep;
    private final FusedLayout layout;
    private final float[] params;
    private final Network net;
    private final float[] reference;
    /** The gradient of this pass alone; only the encoder's part is written and read. */
    private final float[] grads;
    private boolean captured;

    /** @param params the run's parameters, read at every capture, value and gradient */
    CapturedAnchorPass(CapturedAnchor anchor, FusedLayout layout, float[] params) {
        this.captureStep = anchor.captureStep();
        this.layout = layout;
        this.params = params;
        List<Rgb> colors = anchor.rgb();
        this.net = new Network(layout, colors.size());
        net.loadColors(colors);
        this.reference = new float[net.latent.z.length];
        this.grads = new float[layout.size];
    }

    /** At the start of step {@code step}: keeps the colours' latents if it is the capture step. */
    void captureAt(int step) {
        if (step != captureStep) return;
        net.encode(params);
        System.arraycopy(net.latent.z, 0, reference, 0, reference.length);
        captured = true;
    }

    boolean captured() {
        return captured;
    }

    /** The captured latents z_ref, feature-major [K][padded colours]. */
    float[] reference() {
        return reference.clone();
    }

    int colors() {
        return net.batch;
    }

    /** L at the current parameters (0 before the capture); leaves the colours' latents for {@link #addGradient}. */
    float value() {
        if (!captured) return 0f;
        net.encode(params);
        LatentBatch z = net.latent;
        float sum = 0;
        for (int d = 0; d < z.k; d++) {
            for (int i = 0; i < z.batch; i++) {
                float e = z.z[d * z.bp + i] - reference[d * z.bp + i];
                sum += e * e;
            }
        }
        return sum / (z.k * z.batch);
    }

    /**
     * Adds weight·∂L/∂θ to {@code runGrads}, through the encoder only; after {@link #value} at the same parameters and
     * after the batch's backward pass has written the run's encoder gradient.
     */
    void addGradient(float weight, float[] runGrads) {
        if (!captured) return;
        LatentBatch z = net.latent;
        float scale = 2f * weight / (z.k * z.batch);
        java.util.Arrays.fill(z.gradZ, 0f);
        z.clearTermGradients();
        for (int d = 0; d < z.k; d++) {
            for (int i = 0; i < z.batch; i++) {
                int at = d * z.bp + i;
                z.gradZ[at] = scale * (z.z[at] - reference[at]);
            }
        }
        net.backwardEncoder(params, grads);
        int encoderEnd = layout.weightOffset[layout.encoderLayers];
        for (int i = 0; i < encoderEnd; i++) runGrads[i] += grads[i];
    }
}
