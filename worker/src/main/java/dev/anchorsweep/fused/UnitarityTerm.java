package dev.anchorsweep.fused;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/** Unitarity: ℓ = (‖preNorm‖ − 1)², on the encoder output before any normalisation. */
final class UnitarityTerm implements LatentTerm {

    private static final VectorSpecies<Float> S = Lanes.SPECIES;

    @Override
    public void values(LatentBatch latent, float[] out) {
        for (int c = 0; c < latent.bp; c += Lanes.LENGTH) {
            FloatVector d = FloatVector.fromArray(S, latent.norm, c).sub(1f);
            d.mul(d).intoArray(out, c);
        }
    }

    @Override
    public void addGradient(LatentBatch latent, float[] coef) {
        int bp = latent.bp;
        for (int c = 0; c < bp; c += Lanes.LENGTH) {
            FloatVector n = FloatVector.fromArray(S, latent.norm, c);
            FloatVector k = FloatVector.fromArray(S, coef, c).mul(n.sub(1f)).mul(2f).div(n);
            for (int d = 0; d < latent.k; d++) {
                int i = d * bp + c;
                FloatVector.fromArray(S, latent.preNorm, i).fma(k, FloatVector.fromArray(S, latent.gradPreNorm, i))
                        .intoArray(latent.gradPreNorm, i);
            }
        }
    }
}
