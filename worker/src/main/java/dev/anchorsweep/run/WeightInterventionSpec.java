package dev.anchorsweep.run;

import dev.anchorsweep.identity.Configured;
import dev.anchorsweep.intervention.WeightSurgery;

/**
 * A permanent intervention on the trained weights: ablation or pruning of latent dims.
 *
 * @param edit the edit, which must also be {@link Configured} (its kind and settings are the run's identity)
 */
public record WeightInterventionSpec(String name, WeightSurgery edit, ScoreSpec score) implements InterventionSpec {

    public WeightInterventionSpec {
        if (!(edit instanceof Configured)) {
            throw new IllegalArgumentException("intervention '" + name + "' needs a kind and settings (a Configured"
                    + " weight surgery such as Ablation), but got " + edit);
        }
    }

    @Override
    public Configured configured() {
        return (Configured) edit;
    }
}
