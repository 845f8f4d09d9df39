package dev.anchorsweep.regularizer;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The latent activations of a pack in the training graph, shape {@code [P, B, K]}, as the regularizers see them.
 * The unit-direction view is built once and shared by every angular term.
 */
public final class LatentVariables {

    /** The reference's epsilon when normalising latents for cosines: û = z / (‖z‖ + 1e-8). */
    static final double UNIT_EPS = 1e-8;

    private final SameDiff sd;
    private final SDVariable preNorm;
    private final SDVariable z;
    private final boolean normalized;
    private SDVariable unit;

    /**
     * @param preNorm the encoder output before the bottleneck
     * @param z       the latent the decoder reads: normalised in paper runs, equal to {@code preNorm} otherwise
     */
    public LatentVariables(SameDiff sd, SDVariable preNorm, SDVariable z) {
        this(sd, preNorm, z, false);
    }

    /** @param normalized whether z is already unit-norm (the normalising bottleneck) */
    public LatentVariables(SameDiff sd, SDVariable preNorm, SDVariable z, boolean normalized) {
        this.sd = sd;
        this.preNorm = preNorm;
        this.z = z;
        this.normalized = normalized;
    }

    public SameDiff sd() {
        return sd;
    }

    public SDVariable preNorm() {
        return preNorm;
    }

    public SDVariable z() {
        return z;
    }

    /**
     * û = z / (‖z‖₂ + 1e-8), shape [P, B, K]. Behind the normalising bottleneck ‖z‖ = 1, and z / (1 + 1e-8) rounds
     * to z in float32 (1e-8 is below half an ulp of 1), so z itself is used: the same values and, as normalising a
     * unit vector again only repeats the projection in the gradient, the same gradients, with six fewer ops.
     */
    public SDVariable unit() {
        if (unit == null && normalized) {
            unit = z;
        } else if (unit == null) {
            unit = z.div(z.norm2(true, 2).add(UNIT_EPS));
        }
        return unit;
    }

    /** cos(z, a) per sample, shape [P, B], for a per-run unit direction {@code direction} of shape [P, 1, K]. */
    public SDVariable cosine(SDVariable direction) {
        return unit().mul(direction).sum(2);
    }
}
