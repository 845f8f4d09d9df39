package dev.anchorsweep.run;

import dev.anchorsweep.intervention.WeightSurgery;

/** A permanent intervention on the trained weights: ablation or pruning of latent dims. */
public record WeightInterventionSpec(String name, WeightSurgery edit, String canonical, ScoreSpec score)
        implements InterventionSpec {
}
