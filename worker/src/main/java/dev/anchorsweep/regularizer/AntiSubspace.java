package dev.anchorsweep.regularizer;

import dev.anchorsweep.latent.LatentDims;
import org.nd4j.autodiff.samediff.SDVariable;

import java.util.Map;

/** Anti-subspace: ℓᵢ = Σ_{d ∈ dims} z_d². Clears the span of {@code dims} (the isolated runs use dims {0}). */
public record AntiSubspace(LatentDims dims) implements Regularizer {

    public AntiSubspace {
        if (dims == null) throw new IllegalArgumentException("anti-subspace needs dims");
    }

    public AntiSubspace(int... dims) {
        this(new LatentDims(dims));
    }

    @Override
    public String kind() {
        return "anti-subspace";
    }

    @Override
    public void validate(int latentDim) {
        for (int d : dims.toArray()) {
            if (d >= latentDim) {
                throw new IllegalArgumentException("anti-subspace dims must be in 0.." + (latentDim - 1) + ", but got " + d);
            }
        }
    }

    @Override
    public double[] parameter(int latentDim) {
        return dims.mask(latentDim, true);
    }

    @Override
    public SDVariable perSample(LatentVariables latent, SDVariable parameter) {
        return MaskedSquares.of(latent, parameter);
    }

    @Override
    public Map<String, Object> settings() {
        return Map.of("dims", dims);
    }
}
