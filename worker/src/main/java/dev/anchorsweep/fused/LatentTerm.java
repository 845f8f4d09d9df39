package dev.anchorsweep.fused;

/**
 * One regularizer's per-sample loss ℓ_b on a latent batch (SCA-SPEC §3) and its gradient. How the samples are reduced
 * (batch mean or mean over a concept's labelled samples) and weighted is {@link ReducedTerm}'s business: a term is
 * told one coefficient per sample.
 */
interface LatentTerm {

    /** ℓ_b for every sample b &lt; bp into {@code out} (padded samples are ignored by the caller). */
    void values(LatentBatch latent, float[] out);

    /**
     * Adds Σ_b coef[b]·∂ℓ_b/∂(latent) to the latent's gradient buffers ({@code gradZ}, {@code gradUnit} or
     * {@code gradPreNorm}, whichever ℓ reads). {@code coef} is 0 on padded samples. Called after {@link #values} on
     * the same batch.
     */
    void addGradient(LatentBatch latent, float[] coef);

    /**
     * Whether its value is a mean of per-sample losses that a weighted batch weights (Σ ŵ_b·ℓ_b / B); false for a
     * term of the batch as a whole (the separation's pairs), which stays as it is.
     */
    default boolean perSample() {
        return true;
    }

    /** Whether validation reports it: every term but the O(B²) separation, as in the SameDiff engine. */
    default boolean validated() {
        return true;
    }
}
