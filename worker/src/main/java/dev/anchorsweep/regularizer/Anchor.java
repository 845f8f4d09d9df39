package dev.anchorsweep.regularizer;

import org.nd4j.autodiff.samediff.SDVariable;

/** Angular anchor: ℓᵢ = 1 − cos(z, a). Attracts (usually a concept's labelled samples) towards direction a. */
public record Anchor(double[] direction) implements Regularizer {

    public Anchor {
        direction = direction.clone();
        Vectors.requireNonZero("anchor direction", direction);
    }

    @Override
    public String kind() {
        return "anchor";
    }

    @Override
    public void validate(int latentDim) {
        Vectors.requireLength("anchor direction", direction, latentDim);
    }

    @Override
    public double[] parameter(int latentDim) {
        return Vectors.unit(direction);
    }

    @Override
    public SDVariable perSample(LatentVariables latent, SDVariable parameter) {
        return latent.cosine(parameter).rsub(1.0);
    }

    @Override
    public String canonical() {
        return "anchor(direction=" + Vectors.text(direction) + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Anchor a && canonical().equals(a.canonical());
    }

    @Override
    public int hashCode() {
        return canonical().hashCode();
    }
}
