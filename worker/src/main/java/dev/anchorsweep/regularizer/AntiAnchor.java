package dev.anchorsweep.regularizer;

import dev.anchorsweep.latent.LatentDirection;
import org.nd4j.autodiff.samediff.SDVariable;

import java.util.Map;

/**
 * Anti-anchor: pushes samples away from direction a. With {@code hemi}, ℓᵢ = max(cos(z, a), 0) (only the forward
 * hemisphere is penalised); without, ℓᵢ = (cos + 1)/2. The isolated runs use a = −e₀ with hemi.
 */
public record AntiAnchor(LatentDirection direction, boolean hemi) implements Regularizer {

    public AntiAnchor {
        if (direction == null) throw new IllegalArgumentException("an anti-anchor needs a direction");
    }

    public AntiAnchor(double[] direction, boolean hemi) {
        this(LatentDirection.of(direction), hemi);
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
        direction.checkDim("anti-anchor direction", latentDim);
    }

    @Override
    public double[] parameter(int latentDim) {
        return Vectors.unit(direction.toArray());
    }

    @Override
    public SDVariable perSample(LatentVariables latent, SDVariable parameter) {
        SDVariable cos = latent.cosine(parameter);
        return hemi ? latent.sd().nn.relu(cos, 0.0) : cos.add(1.0).mul(0.5);
    }

    @Override
    public Map<String, Object> settings() {
        return Map.of("direction", direction, "hemi", hemi);
    }
}
