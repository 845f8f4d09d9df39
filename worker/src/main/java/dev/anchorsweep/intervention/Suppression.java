package dev.anchorsweep.intervention;

import dev.anchorsweep.identity.Configured;

import java.util.Map;

/**
 * Removes (part of) the concept component of latents in the concept's hemisphere (SCA-SPEC §5):
 * α = clamp(z·c, 0, 1), z' = z − g(α)·(z·c)·c. No renormalisation.
 */
public record Suppression(UnitVector direction, BoundedFalloff falloff) implements LatentIntervention, Configured {

    public Suppression {
        if (direction == null || falloff == null) throw new IllegalArgumentException("suppression needs a direction and a falloff");
    }

    /** {@code direction} is normalised to unit length. */
    public Suppression(double[] direction, BoundedFalloff falloff) {
        this(UnitVector.of(direction), falloff);
    }

    @Override
    public String kind() {
        return "suppression";
    }

    @Override
    public Map<String, Object> settings() {
        return Map.of("direction", direction, "falloff", falloff);
    }

    @Override
    public double[] apply(double[] z) {
        double dot = direction.dot(z);
        double shift = falloff.strength(Math.min(1, Math.max(0, dot))) * dot;
        double[] out = new double[z.length];
        for (int i = 0; i < z.length; i++) out[i] = z[i] - shift * direction.component(i);
        return out;
    }
}
