package dev.anchorsweep.regularizer;

import dev.anchorsweep.latent.LatentDims;
import org.nd4j.autodiff.samediff.SDVariable;

import java.util.Map;

/**
 * Euclidean separation (the reference's 1.5/1.6 {@code Separate}): with p = z restricted to {@code dims}, the batch
 * value is the mean over all B² pairs of 1/(‖p_i − p_j‖² + ε), where a pair of identical points (the diagonal, and a
 * colour drawn twice) contributes 0. As per-sample terms ℓ_i = (1/B)·Σ_j 1/(‖p_i − p_j‖² + ε) over j with p_j ≠ p_i,
 * so the batch mean of ℓ is that mean over pairs, and with a concept the mean over its labelled samples i (against
 * every j), as for {@link Separate}.
 *
 * <p>The reference multiplies the diagonal's squared distance by 0 and so adds 1/ε = 10⁶ for each of the B diagonal
 * entries (10⁶/B to the mean), and as much for each pair of duplicate samples; those are constants of zero gradient
 * (the difference of identical points is 0), left out here: same gradient, a value without the 10⁶/B offset.
 */
public record EuclideanSeparate(LatentDims dims, double epsilon) implements Regularizer {

    public EuclideanSeparate {
        if (dims == null) throw new IllegalArgumentException("euclidean-separate needs dims");
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("euclidean-separate epsilon must be a finite number > 0, but got "
                    + epsilon);
        }
    }

    public EuclideanSeparate(int... dims) {
        this(new LatentDims(dims), 1e-6);
    }

    @Override
    public String kind() {
        return "euclidean-separate";
    }

    @Override
    public String termKey() {
        return "euclidean-separate(epsilon=" + epsilon + ")";
    }

    @Override
    public boolean validated() {
        return false;
    }

    @Override
    public void validate(int latentDim) {
        dims.checkIn(latentDim);
    }

    @Override
    public double[] parameter(int latentDim) {
        return dims.mask(latentDim, true);
    }

    /** [P, B, 1, K] − [P, 1, B, K]: the pairwise differences on the dims (the mask zeroes the others). */
    @Override
    public SDVariable perSample(LatentVariables latent, SDVariable parameter) {
        var sd = latent.sd();
        SDVariable p = latent.z().mul(parameter);                                       // [P, B, K]
        SDVariable diff = sd.expandDims(p, 2).sub(sd.expandDims(p, 1));                 // [P, B, B, K]
        SDVariable sq = diff.mul(diff).sum(3);                                          // [P, B, B]
        SDVariable distinct = sq.gt(0.0).castTo(sq.dataType());
        return sq.add(epsilon).rdiv(1.0).mul(distinct).mean(2);                         // [P, B]
    }

    @Override
    public Map<String, Object> settings() {
        return Map.of("dims", dims, "epsilon", epsilon);
    }
}
