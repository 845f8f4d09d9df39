package dev.anchorsweep.fused;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/** Anchor: ℓ = 1 − cos(z, a) = 1 − û·a, with a the unit direction. */
final class AnchorTerm implements LatentTerm {

    private static final VectorSpecies<Float> S = Lanes.SPECIES;
    private final float[] direction;

    AnchorTerm(float[] direction) {
        this.direction = direction.clone();
    }

    @Override
    public void values(LatentBatch latent, float[] out) {
        Cosines.of(latent, direction, out);
        for (int c = 0; c < latent.bp; c += Lanes.LENGTH) {
            FloatVector.fromArray(S, out, c).neg().add(1f).intoArray(out, c);
        }
    }

    @Override
    public void addGradient(LatentBatch latent, float[] coef) {
        Cosines.addGradient(latent, direction, coef, -1f);
    }
}
