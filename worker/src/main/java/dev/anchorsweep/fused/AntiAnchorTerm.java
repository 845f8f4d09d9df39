package dev.anchorsweep.fused;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** Anti-anchor: ℓ = max(û·a, 0) with {@code hemi}, else (û·a + 1)/2. */
final class AntiAnchorTerm implements LatentTerm {

    private static final VectorSpecies<Float> S = Lanes.SPECIES;
    private final float[] direction;
    private final boolean hemi;
    private float[] cosines = new float[0];
    private float[] slopes = new float[0];

    AntiAnchorTerm(float[] direction, boolean hemi) {
        this.direction = direction.clone();
        this.hemi = hemi;
    }

    @Override
    public void values(LatentBatch latent, float[] out) {
        if (cosines.length < latent.bp) {
            cosines = new float[latent.bp];
            slopes = new float[latent.bp];
        }
        Cosines.of(latent, direction, cosines);
        for (int c = 0; c < latent.bp; c += Lanes.LENGTH) {
            FloatVector cos = FloatVector.fromArray(S, cosines, c);
            (hemi ? cos.max(0f) : cos.add(1f).mul(0.5f)).intoArray(out, c);
        }
    }

    @Override
    public void addGradient(LatentBatch latent, float[] coef) {
        for (int c = 0; c < latent.bp; c += Lanes.LENGTH) {
            FloatVector k = FloatVector.fromArray(S, coef, c);
            if (hemi) {
                FloatVector cos = FloatVector.fromArray(S, cosines, c);
                k = FloatVector.zero(S).blend(k, cos.compare(VectorOperators.GT, 0f));
            } else {
                k = k.mul(0.5f);
            }
            k.intoArray(slopes, c);
        }
        Cosines.addGradient(latent, direction, slopes, 1f);
    }
}
