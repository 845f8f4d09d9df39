package dev.anchorsweep.regularizer;

import dev.anchorsweep.latent.LatentDims;
import org.nd4j.autodiff.samediff.SDVariable;

import java.util.Map;

/** Subspace: ℓᵢ = Σ_{d ∉ dims} z_d². Attracts (usually a concept's labelled samples) into the span of {@code dims}. */
public record Subspace(LatentDims dims) implements Regularizer {

    public Subspace {
        if (dims == null) throw new IllegalArgumentException("subspace needs dims");
    }

    public Subspace(int... dims) {
        this(new LatentDims(dims));
    }

    @Override
    public String kind() {
        return "subspace";
    }

    @Override
    public void validate(int latentDim) {
        for (int d : dims.toArray()) {
            if (d >= latentDim) {
                throw new IllegalArgumentException("subspace dims must be in 0.." + (latentDim - 1) + ", but got " + d);
            }
        }
    }

    @Override
    public double[] parameter(int latentDim) {
        return dims.mask(latentDim, false);
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
