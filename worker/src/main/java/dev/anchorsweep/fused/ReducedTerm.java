package dev.anchorsweep.fused;

import dev.anchorsweep.run.RegularizerSpec;

/**
 * One regularizer of a run in the fused engine: its per-sample term and its reduction (SCA-SPEC §3): the batch mean,
 * or Σ a_b·ℓ_b / (Σ a_b + 1e-8) over the labels a of its concept. Its gradient with weight w gives each sample the
 * coefficient w/B, or w·a_b/(Σa + 1e-8). On a batch with per-sample loss weights ŵ (ex-1.6) a per-sample term is
 * Σ ŵ_b·ℓ_b / B, or Σ a_b·ŵ_b·ℓ_b / (Σ a_b + 1e-8) over a concept's labels, and the coefficients take the factor ŵ_b;
 * a term of the whole batch ({@link LatentTerm#perSample()} false) is not weighted.
 */
final class ReducedTerm {

    static final float LABEL_EPS = 1e-8f;

    final RegularizerSpec spec;
    /** Its per-sample term on the batch, or null for a term on colours of its own ({@link #pass}). */
    final LatentTerm term;
    /** The index of its concept in the run's concepts, or −1 for a term on all samples. */
    final int concept;
    /** A captured anchor's own pass through the encoder, or null for a term on the batch. */
    final CapturedAnchorPass pass;
    private float[] perSample = new float[0];
    private float[] coef = new float[0];

    ReducedTerm(RegularizerSpec spec, LatentTerm term, int concept) {
        this.spec = spec;
        this.term = term;
        this.concept = concept;
        this.pass = null;
    }

    /** A captured anchor: a scalar term on its own colours, whatever the batch. */
    ReducedTerm(RegularizerSpec spec, CapturedAnchorPass pass) {
        this.spec = spec;
        this.term = null;
        this.concept = -1;
        this.pass = pass;
    }

    String name() {
        return spec.name();
    }

    /** Whether validation reports it: a captured anchor (on its own colours) and every batch term but separations. */
    boolean validated() {
        return pass != null || term.validated();
    }

    /**
     * The reduced value on the batch; {@code labels} are the run's per-concept labels [concept][≥ batch]. A captured
     * anchor's value is on its own colours at the current parameters.
     */
    float value(LatentBatch latent, float[][] labels) {
        if (pass != null) return pass.value();
        if (perSample.length < latent.bp) {
            perSample = new float[latent.bp];
            coef = new float[latent.bp];
        }
        term.values(latent, perSample);
        int b = latent.batch;
        float[] w = term.perSample() ? latent.sampleWeights : null;
        if (w != null) {
            for (int i = 0; i < b; i++) perSample[i] *= w[i];
        }
        if (concept < 0) {
            float sum = 0;
            for (int i = 0; i < b; i++) sum += perSample[i];
            return sum / b;
        }
        float[] a = labels[concept];
        float sum = 0, count = 0;
        for (int i = 0; i < b; i++) {
            sum += a[i] * perSample[i];
            count += a[i];
        }
        return sum / (count + LABEL_EPS);
    }

    /** Adds the gradient of weight·value to the latent's gradients; after {@link #value} on the same batch. */
    void addGradient(LatentBatch latent, float[][] labels, float weight) {
        if (pass != null) return; // its gradient goes straight to the parameters: addParameterGradient
        int b = latent.batch;
        java.util.Arrays.fill(coef, 0, latent.bp, 0f);
        if (concept < 0) {
            float each = weight / b;
            for (int i = 0; i < b; i++) coef[i] = each;
        } else {
            float[] a = labels[concept];
            float count = 0;
            for (int i = 0; i < b; i++) count += a[i];
            float each = weight / (count + LABEL_EPS);
            for (int i = 0; i < b; i++) coef[i] = a[i] * each;
        }
        float[] w = term.perSample() ? latent.sampleWeights : null;
        if (w != null) {
            for (int i = 0; i < b; i++) coef[i] *= w[i];
        }
        term.addGradient(latent, coef);
    }

    /**
     * Adds weight·∂value/∂θ of a term on colours of its own straight to the parameter gradient {@code grads}, after
     * the batch's backward pass; nothing for a term on the batch (its gradient went through the batch's latents).
     */
    void addParameterGradient(float[] grads, float weight) {
        if (pass != null) pass.addGradient(weight, grads);
    }

    /** At the start of step {@code step}, before its batch: a captured anchor captures at its capture step. */
    void beforeStep(int step) {
        if (pass != null) pass.captureAt(step);
    }
}
