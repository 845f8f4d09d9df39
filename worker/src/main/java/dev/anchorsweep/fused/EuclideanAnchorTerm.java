package dev.anchorsweep.fused;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/** Euclidean anchor: ℓ = ‖z − a‖² towards the point a. */
final class EuclideanAnchorTerm implements LatentTerm {

    private static final VectorSpecies<Float> S = Lanes.SPECIES;
    private final float[] point;

    EuclideanAnchorTerm(float[] point) {
        this.point = point.clone();
    }

    @Override
    public void values(LatentBatch latent, float[] out) {
        int bp = latent.bp;
        for (int c = 0; c < bp; c += Lanes.LENGTH) {
            FloatVector acc = FloatVector.zero(S);
            for (int d = 0; d < latent.k; d++) {
                FloatVector e = FloatVector.fromArray(S, latent.z, d * bp + c).sub(point[d]);
                acc = e.fma(e, acc);
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
                int i = d * bp + c;
                FloatVector.fromArray(S, latent.z, i).sub(point[d]).fma(k, FloatVector.fromArray(S, latent.gradZ, i))
                        .intoArray(latent.gradZ, i);
            }
        }
    }
}
