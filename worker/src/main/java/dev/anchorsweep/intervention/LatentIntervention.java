package dev.anchorsweep.intervention;

/** An edit of the (normalised) latent at evaluation time (SCA-SPEC §5). */
public interface LatentIntervention extends java.io.Serializable {

    /** The edited latent, as a new array; {@code z} is left untouched. */
    double[] apply(double[] z);
}
