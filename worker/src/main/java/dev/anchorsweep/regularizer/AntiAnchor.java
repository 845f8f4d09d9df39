package dev.anchorsweep.regularizer;

import org.nd4j.autodiff.samediff.SDVariable;

/**
 * Anti-anchor: pushes samples away from direction a. With {@code hemi}, ℓᵢ = max(cos(z, a), 0) (only the forward
 * hemisphere is penalised); without, ℓᵢ = (cos + 1)/2. The isolated runs use a = −e₀ with hemi.
 */
public record AntiAnchor(double[] direction, boolean hemi) implements Regularizer {

    public AntiAnchor {
        direction = direction.clone();
        Vectors.requireNonZero("anti-anchor direction", direction);
    }

    @Override
    public String kind() {
        return "anti-anchor";
    }

    @Override
    public String termKey() {
        return kind() + "(hemi=" + hemi + ")";
    }

    @Override
    public void validate(int latentDim) {
        Vectors.requireLength("anti-anchor direction", direction, latentDim);
    }

    @Override
    public double[] parameter(int latentDim) {
        return Vectors.unit(direction);
    }

    @Override
    public SDVariable perSample(LatentVariables latent, SDVariable parameter) {
        SDVariable cos = latent.cosine(parameter);
        return hemi ? latent.sd().nn.relu(cos, 0.0) : cos.add(1.0).mul(0.5);
    }

    @Override
    public String canonical() {
        return "anti-anchor(direction=" + Vectors.text(direction) + ",hemi=" + hemi + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AntiAnchor a && canonical().equals(a.canonical());
    }

    @Override
    public int hashCode() {
        return canonical().hashCode();
    }
}
