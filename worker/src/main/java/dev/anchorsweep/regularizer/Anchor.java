package dev.anchorsweep.regularizer;

import dev.anchorsweep.latent.LatentDirection;
import org.nd4j.autodiff.samediff.SDVariable;

import java.util.Map;

/** Angular anchor: ℓᵢ = 1 − cos(z, a). Attracts (usually a concept's labelled samples) towards direction a. */
public record Anchor(LatentDirection direction) implements Regularizer {

    public Anchor {
        if (direction == null) throw new IllegalArgumentException("an anchor needs a direction");
    }

    public Anchor(double... direction) {
        this(LatentDirection.of(direction));
    }

    @Override
    public String kind() {
        return "anchor";
    }

    @Override
    public void validate(int latentDim) {
        direction.checkDim("anchor direction", latentDim);
    }

    @Override
    public double[] parameter(int latentDim) {
        return Vectors.unit(direction.toArray());
    }

    @Override
    public SDVariable perSample(LatentVariables latent, SDVariable parameter) {
        return latent.cosine(parameter).rsub(1.0);
    }

    @Override
    public Map<String, Object> settings() {
        return Map.of("direction", direction);
    }
}
