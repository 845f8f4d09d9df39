package dev.anchorsweep.fused;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/** cos(z, a) = û·a per sample for a unit direction a, and the gradient of Σ_b s·coef_b·cos_b with respect to û. */
final class Cosines {

    private static final VectorSpecies<Float> S = Lanes.SPECIES;

    private Cosines() {
    }

    static void of(LatentBatch latent, float[] direction, float[] out) {
        int bp = latent.bp;
        for (int c = 0; c < bp; c += Lanes.LENGTH) {
            FloatVector acc = FloatVector.zero(S);
            for (int d = 0; d < latent.k; d++) {
                acc = FloatVector.fromArray(S, latent.unit, d * bp + c).fma(FloatVector.broadcast(S, direction[d]), acc);
            }
            acc.intoArray(out, c);
        }
    }

    /** gradUnit[d][b] += slope[b]·a_d, with slope = scale·coef. */
    static void addGradient(LatentBatch latent, float[] direction, float[] slope, float scale) {
        int bp = latent.bp;
        for (int c = 0; c < bp; c += Lanes.LENGTH) {
            FloatVector s = FloatVector.fromArray(S, slope, c).mul(scale);
            for (int d = 0; d < latent.k; d++) {
                int i = d * bp + c;
                s.fma(FloatVector.broadcast(S, direction[d]), FloatVector.fromArray(S, latent.gradUnit, i)).intoArray(latent.gradUnit, i);
            }
        }
    }
}
