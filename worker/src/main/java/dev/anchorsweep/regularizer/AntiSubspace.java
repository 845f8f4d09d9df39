package dev.anchorsweep.regularizer;

import org.nd4j.autodiff.samediff.SDVariable;

/** Anti-subspace: ℓᵢ = Σ_{d ∈ dims} z_d². Clears the span of {@code dims} (the isolated runs use dims {0}). */
public record AntiSubspace(int[] dims) implements Regularizer {

    public AntiSubspace {
        dims = dims.clone();
    }

    @Override
    public String kind() {
        return "anti-subspace";
    }

    @Override
    public void validate(int latentDim) {
        Vectors.requireDims("anti-subspace dims", dims, latentDim);
    }

    @Override
    public double[] parameter(int latentDim) {
        return Vectors.mask(dims, latentDim, true);
    }

    @Override
    public SDVariable perSample(LatentVariables latent, SDVariable parameter) {
        return MaskedSquares.of(latent, parameter);
    }

    @Override
    public String canonical() {
        return "anti-subspace(dims=" + Vectors.text(dims) + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AntiSubspace s && canonical().equals(s.canonical());
    }

    @Override
    public int hashCode() {
        return canonical().hashCode();
    }
}
