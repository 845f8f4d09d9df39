package dev.anchorsweep.fused;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/** ℓ = Σ_d m_d·z_d² for a 0/1 dims mask m: subspace, anti-subspace and planarity. */
final class MaskedSquaresTerm implements LatentTerm {

    private static final VectorSpecies<Float> S = Lanes.SPECIES;
    private final float[] mask;

    MaskedSquaresTerm(float[] mask) {
        this.mask = mask.clone();
    }

    @Override
    public void values(LatentBatch latent, float[] out) {
        int bp = latent.bp;
        for (int c = 0; c < bp; c += Lanes.LENGTH) {
            FloatVector acc = FloatVector.zero(S);
            for (int d = 0; d < latent.k; d++) {
                if (mask[d] == 0) continue;
                FloatVector z = FloatVector.fromArray(S, latent.z, d * bp + c);
                acc = z.mul(z).fma(FloatVector.broadcast(S, mask[d]), acc);
            }
            acc.intoArray(out, c);
        }
    }

    @Override
    public void addGradient(LatentBatch latent, float[] coef) {
        int bp = latent.bp;
        for (int c = 0; c < bp; c += Lanes.LENGTH) {
            FloatVector k = FloatVector.fromArray(S, coef, c).mul(2f);
            for (int d = 0; d < latent.k; d++) {
                if (mask[d] == 0) continue;
                int i = d * bp + c;
                FloatVector.fromArray(S, latent.z, i).mul(k).fma(FloatVector.broadcast(S, mask[d]), FloatVector.fromArray(S, latent.gradZ, i))
                        .intoArray(latent.gradZ, i);
            }
        }
    }
}
