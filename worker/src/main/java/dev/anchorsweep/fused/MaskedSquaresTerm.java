package dev.anchorsweep.fused;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/** ℓ = Σ_d m_d·z_d² for a 0/1 dims mask m: subspace, anti-subspace and planarity. */
final class MaskedSquaresTerm implements LatentTerm {

    private static final VectorSpecies<Float> S = Lanes.SPECIES;
    /** The dims whose mask is not 0, and their mask values. */
    private final int[] dims;
    private final float[] weights;

    MaskedSquaresTerm(float[] mask) {
        this.dims = java.util.stream.IntStream.range(0, mask.length).filter(d -> mask[d] != 0).toArray();
        this.weights = new float[dims.length];
        for (int j = 0; j < dims.length; j++) weights[j] = mask[dims[j]];
    }

    @Override
    public void values(LatentBatch latent, float[] out) {
        int bp = latent.bp;
        for (int c = 0; c < bp; c += Lanes.LENGTH) {
            // over the dims of the mask only (a skipped dim inside the loop left the accumulator boxed: C2 then ran
            // the Vector API's Java fallback)
            FloatVector acc = FloatVector.zero(S);
            for (int j = 0; j < dims.length; j++) {
                FloatVector z = FloatVector.fromArray(S, latent.z, dims[j] * bp + c);
                acc = z.mul(z).fma(FloatVector.broadcast(S, weights[j]), acc);
            }
            acc.intoArray(out, c);
        }
    }

    @Override
    public void addGradient(LatentBatch latent, float[] coef) {
        int bp = latent.bp;
        for (int c = 0; c < bp; c += Lanes.LENGTH) {
            FloatVector k = FloatVector.fromArray(S, coef, c).mul(2f);
            for (int j = 0; j < dims.length; j++) {
                int i = dims[j] * bp + c;
                FloatVector.fromArray(S, latent.z, i).mul(k).fma(FloatVector.broadcast(S, weights[j]), FloatVector.fromArray(S, latent.gradZ, i))
                        .intoArray(latent.gradZ, i);
            }
        }
    }
}
