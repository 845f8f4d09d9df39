package dev.anchorsweep.intervention;

import dev.anchorsweep.identity.Canonical;

import java.util.Map;

/**
 * Suppression strength as a function of alignment α ∈ [0, 1] (SCA-SPEC §5):
 * {@code g(α) = b·((α − a)/(1 − a))^p} for α > a, else 0. As {@code 0^0 = 1}, p = 0 gives b for every α > a
 * (the paper's {@code bounded(0, 1, 0)} removes the whole concept component across the hemisphere).
 *
 * <p>Departure from the reference: for a ≥ 1 − 1e-8 the reference returns α itself; here the spec's formula
 * holds, so a = 1 gives 0 for every α ≤ 1.
 */
public record BoundedFalloff(double a, double b, double power) implements Canonical, java.io.Serializable {

    public BoundedFalloff {
        if (!(a >= 0 && a <= 1)) throw new IllegalArgumentException("falloff start a must be in [0, 1], but got " + a);
        if (!(b >= 0 && b <= 1)) throw new IllegalArgumentException("falloff strength b must be in [0, 1], but got " + b);
        if (!(power >= 0) || Double.isInfinite(power)) {
            throw new IllegalArgumentException("falloff power must be finite and ≥ 0, but got " + power);
        }
    }

    @Override
    public Object canonicalForm() {
        return Map.of("a", a, "b", b, "power", power);
    }

    public double strength(double alpha) {
        return alpha > a ? b * Math.pow((alpha - a) / (1 - a), power) : 0;
    }
}
