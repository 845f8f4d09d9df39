package dev.anchorsweep.regularizer;

import org.nd4j.autodiff.samediff.SDVariable;

import java.util.Map;

/** Unitarity (older runs): ℓᵢ = (‖x‖ − 1)² on the latent before any normalisation. */
public record Unitarity() implements Regularizer {

    @Override
    public String kind() {
        return "unitarity";
    }

    @Override
    public SDVariable perSample(LatentVariables latent, SDVariable parameter) {
        SDVariable d = latent.preNorm().norm2(false, 2).sub(1.0);
        return d.mul(d);
    }

    @Override
    public Map<String, Object> settings() {
        return Map.of();
    }
}
