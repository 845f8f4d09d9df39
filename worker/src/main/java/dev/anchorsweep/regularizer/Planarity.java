package dev.anchorsweep.regularizer;

import dev.anchorsweep.latent.LatentDims;
import org.nd4j.autodiff.samediff.SDVariable;

import java.util.Map;

/** Planarity: the subspace term on a plane, by default dims (0, 1): ℓᵢ = Σ_{d ∉ {0,1}} z_d². */
public record Planarity(LatentDims dims) implements Regularizer {

    public Planarity {
        if (dims == null) throw new IllegalArgumentException("planarity needs dims");
        if (dims.count() != 2) {
            throw new IllegalArgumentException("planarity dims must name exactly 2 dims, but got " + dims);
        }
    }

    public Planarity(int... dims) {
        this(new LatentDims(dims));
    }

    public Planarity() {
        this(0, 1);
    }

    @Override
    public String kind() {
        return "planarity";
    }

    @Override
    public void validate(int latentDim) {
        for (int d : dims.toArray()) {
            if (d >= latentDim) {
                throw new IllegalArgumentException("planarity dims must be in 0.." + (latentDim - 1) + ", but got " + d);
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
