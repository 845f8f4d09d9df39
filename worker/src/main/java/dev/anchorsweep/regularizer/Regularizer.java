package dev.anchorsweep.regularizer;

import dev.anchorsweep.identity.Configured;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * A loss term on the latent (SCA-SPEC §3). Each regularizer knows its per-sample value ℓᵢ; how the samples are
 * reduced (all samples, or one concept's labelled samples) is decided by the {@link RegularizerSpec} that uses it.
 *
 * <p>In a pack, runs share one graph term when their regularizers have the same {@link #termKey()}; whatever differs
 * between them (a direction, a set of dims) is a per-run parameter of length K given by {@link #parameter(int)}.
 *
 * <p>Its {@link #settings()} (by config name, as value types) are its part of the run's identity; the config kinds
 * that build them are {@code config.RegularizerKind}.
 */
public sealed interface Regularizer extends Configured, java.io.Serializable
        permits Separate, Anchor, AntiAnchor, Subspace, AntiSubspace, Planarity, Unitarity, EuclideanAnchor,
        EuclideanSeparate, CapturedAnchor {

    /** The name of this kind of regularizer in config files, e.g. {@code anti-anchor}. */
    @Override
    String kind();

    /** Identity of the graph term: kind plus every setting that changes the formula (not the per-run parameter). */
    default String termKey() {
        return kind();
    }

    /** The per-run parameter vector of length {@code latentDim} (a direction or a 0/1 dims mask), or null if none. */
    default double[] parameter(int latentDim) {
        return null;
    }

    /** Whether validation reports it: every term but the O(B²) pairwise separations. */
    default boolean validated() {
        return true;
    }

    /** Checks the settings against the latent width; throws IllegalArgumentException naming the bad value. */
    default void validate(int latentDim) {
    }

    /**
     * Builds ℓᵢ in the training graph.
     *
     * @param latent    the pack's latents [P, B, K]
     * @param parameter the per-run parameter as [P, 1, K], or null when {@link #parameter(int)} is null
     * @return the per-sample loss, shape [P, B]
     */
    SDVariable perSample(LatentVariables latent, SDVariable parameter);
}
