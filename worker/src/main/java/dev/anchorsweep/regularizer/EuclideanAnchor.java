package dev.anchorsweep.regularizer;

import dev.anchorsweep.latent.LatentVector;
import org.nd4j.autodiff.samediff.SDVariable;

import java.util.Map;

/** Euclidean anchor (older runs): ℓᵢ = ‖z − a‖² towards the point a. */
public record EuclideanAnchor(LatentVector point) implements Regularizer {

    public EuclideanAnchor {
        if (point == null) throw new IllegalArgumentException("a euclidean anchor needs a point");
    }

    public EuclideanAnchor(double... point) {
        this(LatentVector.of(point));
    }

    @Override
    public String kind() {
        return "euclidean-anchor";
    }

    @Override
    public void validate(int latentDim) {
        point.checkDim("euclidean-anchor point", latentDim);
    }

    @Override
    public double[] parameter(int latentDim) {
        return point.toArray();
    }

    @Override
    public SDVariable perSample(LatentVariables latent, SDVariable parameter) {
        SDVariable d = latent.z().sub(parameter);
        return d.mul(d).sum(2);
    }

    @Override
    public Map<String, Object> settings() {
        return Map.of("point", point);
    }
}
