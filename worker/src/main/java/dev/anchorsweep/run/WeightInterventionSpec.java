package dev.anchorsweep.run;

import dev.anchorsweep.model.ModelWeights;

import java.util.function.UnaryOperator;

/** A permanent intervention on the trained weights: ablation or pruning of latent dims. */
public record WeightInterventionSpec(String name, UnaryOperator<ModelWeights> edit, String canonical, ScoreSpec score)
        implements InterventionSpec {
}
