package dev.anchorsweep.run;

/**
 * A named intervention applied to a trained run at evaluation (SCA-SPEC §5): either on the latent (suppression,
 * repulsion) or on the weights (ablation, pruning).
 */
public sealed interface InterventionSpec extends java.io.Serializable
        permits LatentInterventionSpec, WeightInterventionSpec {

    /** The name it has in the config and in the result tables, e.g. {@code suppress}. */
    String name();

    /** How its selectivity is scored, or null for no score. */
    ScoreSpec score();

    /** Stable text of the intervention's settings (used in run identity). */
    String canonical();

    /** The name of intervention-free evaluation in result tables. */
    String BASELINE = "baseline";
}
