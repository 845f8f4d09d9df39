package dev.anchorsweep.regularizer;

import org.nd4j.autodiff.samediff.SDVariable;

/** ℓᵢ = Σ_d m_d · z_d² for a per-run 0/1 dims mask m of shape [P, 1, K]: the form of every subspace term. */
final class MaskedSquares {

    private MaskedSquares() {
    }

    static SDVariable of(LatentVariables latent, SDVariable mask) {
        SDVariable z = latent.z();
        return z.mul(z).mul(mask).sum(2);
    }
}
