package dev.anchorsweep.run;

import dev.anchorsweep.identity.Configured;
import dev.anchorsweep.intervention.LatentIntervention;

/**
 * An intervention on the (normalised) latent at inference time: suppression or repulsion.
 *
 * @param intervention the edit, which must also be {@link Configured} (its kind and settings are the run's identity)
 */
public record LatentInterventionSpec(String name, LatentIntervention intervention, ScoreSpec score)
        implements InterventionSpec {

    public LatentInterventionSpec {
        if (!(intervention instanceof Configured)) {
            throw new IllegalArgumentException("intervention '" + name + "' needs a kind and settings (a Configured"
                    + " latent intervention such as Suppression), but got " + intervention);
        }
    }

    @Override
    public Configured configured() {
        return (Configured) intervention;
    }
}
