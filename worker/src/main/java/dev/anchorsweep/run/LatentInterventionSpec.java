package dev.anchorsweep.run;

import dev.anchorsweep.intervention.LatentIntervention;

/** An intervention on the (normalised) latent at inference time: suppression or repulsion. */
public record LatentInterventionSpec(String name, LatentIntervention intervention, String canonical, ScoreSpec score)
        implements InterventionSpec {
}
