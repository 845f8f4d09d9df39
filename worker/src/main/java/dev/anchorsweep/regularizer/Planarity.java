package dev.anchorsweep.regularizer;

import org.nd4j.autodiff.samediff.SDVariable;

/** Planarity: the subspace term on a plane, by default dims (0, 1): ℓᵢ = Σ_{d ∉ {0,1}} z_d². */
public record Planarity(int[] dims) implements Regularizer {

    public Planarity {
        dims = dims.clone();
        if (dims.length != 2) {
            throw new IllegalArgumentException("planarity dims must name exactly 2 dims, but got " + Vectors.text(dims));
        }
    }

    public Planarity() {
        this(new int[] {0, 1});
    }

    @Override
    public String kind() {
        return "planarity";
    }

    @Override
    public void validate(int latentDim) {
        Vectors.requireDims("planarity dims", dims, latentDim);
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
        return "planarity(dims=" + Vectors.text(dims) + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Planarity s && canonical().equals(s.canonical());
    }

    @Override
    public int hashCode() {
        return canonical().hashCode();
    }
}
