package dev.anchorsweep.intervention;

import dev.anchorsweep.identity.Canonical;

import java.util.Map;

/**
 * Target alignment for repulsion (SCA-SPEC §5): {@code m(α) = a + (b − a)(α − a)/(1 − a)} for α > a, else α
 * (unchanged, as in the reference). The paper uses a = cos 90° = 0, b = cos 89°.
 */
public record LinearMapper(double a, double b) implements Canonical, java.io.Serializable {

    public LinearMapper {
        if (!(a >= 0 && a < b && b <= 1)) {
            throw new IllegalArgumentException("linear mapper needs 0 ≤ a < b ≤ 1, but got a=" + a + ", b=" + b);
        }
    }

    @Override
    public Object canonicalForm() {
        return Map.of("a", a, "b", b);
    }

    public double map(double alpha) {
        return alpha > a ? a + (b - a) * (alpha - a) / (1 - a) : alpha;
    }
}
