package dev.anchorsweep.fused;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Euclidean separation ({@code regularizer.EuclideanSeparate}): ℓ_i = (1/B)·Σ_j f_ij with f_ij = 1/(s_ij + ε),
 * s_ij = ‖p_i − p_j‖² on the chosen dims of z, and f_ij = 0 where s_ij = 0 (the diagonal, duplicate samples). f is
 * symmetric bit for bit ((a − b)² = (b − a)²), so the row sums are accumulated as column sums over whole vectors of
 * samples: no lane sums. The gradient of Σ_i c_i ℓ_i with respect to p_i is −(2/B)·Σ_j (c_i + c_j)·f_ij²·(p_i − p_j),
 * accumulated the same way; s and f are recomputed there (O(B²·dims), cheap) rather than kept from {@link #values}.
 */
final class EuclideanSeparationTerm implements LatentTerm {

    private static final VectorSpecies<Float> S = Lanes.SPECIES;
    private static final int L = Lanes.LENGTH;

    private final int[] dims;
    private final float epsilon;

    EuclideanSeparationTerm(int[] dims, double epsilon) {
        this.dims = dims.clone();
        this.epsilon = (float) epsilon;
    }

    @Override
    public boolean validated() {
        return false;
    }

    /** The reference's Separate is one number for the batch: a weighted batch (ex-1.6) leaves it as it is. */
    @Override
    public boolean perSample() {
        return false;
    }

    @Override
    public void values(LatentBatch latent, float[] out) {
        int b = latent.batch, bp = latent.bp;
        java.util.Arrays.fill(out, 0, bp, 0f);
        for (int i = 0; i < b; i++) {
            for (int c = 0; c < bp; c += L) {
                FloatVector.fromArray(S, out, c).add(inverse(latent, i, c)).intoArray(out, c);
            }
        }
        float mean = 1f / b;
        for (int c = 0; c < bp; c += L) FloatVector.fromArray(S, out, c).mul(mean).intoArray(out, c);
    }

    /** f_ij for sample i against the samples c..c+L−1 (0 where they are identical to i or padding). */
    private FloatVector inverse(LatentBatch latent, int i, int c) {
        FloatVector sq = squaredDistance(latent, i, c);
        VectorMask<Float> counted = sq.compare(VectorOperators.GT, 0f).and(Lanes.real(c, latent.batch));
        return FloatVector.zero(S).blend(FloatVector.broadcast(S, 1f).div(sq.add(epsilon)), counted);
    }

    private FloatVector squaredDistance(LatentBatch latent, int i, int c) {
        int bp = latent.bp;
        FloatVector sq = FloatVector.zero(S);
        for (int d : dims) {
            FloatVector diff = FloatVector.fromArray(S, latent.z, d * bp + c).sub(latent.z[d * bp + i]);
            sq = diff.fma(diff, sq);
        }
        return sq;
    }

    @Override
    public void addGradient(LatentBatch latent, float[] coef) {
        int b = latent.batch, bp = latent.bp;
        float scale = -2f / b;
        // for each j, over the samples i along the lanes: gradZ_i += −(2/B)·(c_i + c_j)·f_ij²·(p_i − p_j)
        for (int j = 0; j < b; j++) {
            float cj = coef[j];
            for (int c = 0; c < bp; c += L) {
                FloatVector f = inverse(latent, j, c);
                FloatVector s = FloatVector.fromArray(S, coef, c).add(cj).mul(f).mul(f).mul(scale);
                for (int d : dims) {
                    int row = d * bp;
                    FloatVector p = FloatVector.fromArray(S, latent.z, row + c);
                    p.sub(latent.z[row + j]).fma(s, FloatVector.fromArray(S, latent.gradZ, row + c))
                            .intoArray(latent.gradZ, row + c);
                }
            }
        }
    }
}
