package dev.anchorsweep.regularizer;

import org.nd4j.autodiff.samediff.SDVariable;

/** Euclidean anchor (older runs): ℓᵢ = ‖z − a‖² towards the point a. */
public record EuclideanAnchor(double[] point) implements Regularizer {

    public EuclideanAnchor {
        point = point.clone();
    }

    @Override
    public String kind() {
        return "euclidean-anchor";
    }

    @Override
    public void validate(int latentDim) {
        Vectors.requireLength("euclidean-anchor point", point, latentDim);
    }

    @Override
    public double[] parameter(int latentDim) {
        return point.clone();
    }

    @Override
    public SDVariable perSample(LatentVariables latent, SDVariable parameter) {
        SDVariable d = latent.z().sub(parameter);
        return d.mul(d).sum(2);
    }

    @Override
    public String canonical() {
        return "euclidean-anchor(point=" + Vectors.text(point) + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EuclideanAnchor a && canonical().equals(a.canonical());
    }

    @Override
    public int hashCode() {
        return canonical().hashCode();
    }
}
