package dev.anchorsweep.regularizer;

import org.nd4j.autodiff.samediff.SDVariable;

/** Subspace: ℓᵢ = Σ_{d ∉ dims} z_d². Attracts (usually a concept's labelled samples) into the span of {@code dims}. */
public record Subspace(int[] dims) implements Regularizer {

    public Subspace {
        dims = dims.clone();
    }

    @Override
    public String kind() {
        return "subspace";
    }

    @Override
    public void validate(int latentDim) {
        Vectors.requireDims("subspace dims", dims, latentDim);
    }

    @Override
    public double[] parameter(int latentDim) {
        return Vectors.mask(dims, latentDim, false);
    }

    @Override
    public SDVariable perSample(LatentVariables latent, SDVariable parameter) {
        return MaskedSquares.of(latent, parameter);
    }

    @Override
    public String canonical() {
        return "subspace(dims=" + Vectors.text(dims) + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Subspace s && canonical().equals(s.canonical());
    }

    @Override
    public int hashCode() {
        return canonical().hashCode();
    }
}
