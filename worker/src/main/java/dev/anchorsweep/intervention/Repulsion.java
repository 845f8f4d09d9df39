package dev.anchorsweep.intervention;

import dev.anchorsweep.identity.Configured;

import java.util.Map;

/**
 * Rotates latents in the concept's hemisphere away from it (SCA-SPEC §5), as the reference does: with
 * α = clamp(z·c, 0, 1) and m = clamp(mapper(α), −1 + ε, 1 − ε), every z with z·c > 0 becomes
 * {@code m·c + √(1 − m²)·u}, where u is the unit direction of z's component orthogonal to c; the result has
 * unit norm and cosine m to c. Other latents are returned unchanged (copied).
 *
 * <p>Departures from the reference, both outside its normal use: where that orthogonal component is shorter
 * than ε (z parallel to c) the reference picks a random u; here u is {@link UnitVector#orthogonal()}, so
 * results are reproducible. And the orthogonal component is {@code z − (z·c)·c}; the reference subtracts
 * {@code α·c}, which differs only for non-unit latents with z·c > 1 (unnormalised models), where its u would
 * not be orthogonal to c.
 */
public record Repulsion(UnitVector direction, LinearMapper mapper) implements LatentIntervention, Configured {

    /** The reference's numerical threshold for "parallel" and for keeping m off ±1. */
    public static final double EPS = 1e-8;

    public Repulsion {
        if (direction == null || mapper == null) throw new IllegalArgumentException("repulsion needs a direction and a mapper");
        if (direction.dim() < 2) {
            throw new IllegalArgumentException("repulsion needs a latent of at least 2 dims, but the direction has " + direction.dim());
        }
    }

    /** {@code direction} is normalised to unit length. */
    public Repulsion(double[] direction, LinearMapper mapper) {
        this(UnitVector.of(direction), mapper);
    }

    @Override
    public String kind() {
        return "repulsion";
    }

    @Override
    public Map<String, Object> settings() {
        return Map.of("direction", direction, "mapper", mapper);
    }

    @Override
    public double[] apply(double[] z) {
        double dot = direction.dot(z);
        if (!(dot > 0)) return z.clone();
        double alpha = Math.min(1, dot);
        double[] perp = new double[z.length];
        double perpNorm = 0;
        for (int i = 0; i < z.length; i++) {
            perp[i] = z[i] - dot * direction.component(i);
            perpNorm += perp[i] * perp[i];
        }
        perpNorm = Math.sqrt(perpNorm);
        if (perpNorm < EPS) {
            perp = direction.orthogonal().toArray();
            perpNorm = 1;
        }
        double m = Math.min(1 - EPS, Math.max(-1 + EPS, mapper.map(alpha)));
        double sin = Math.sqrt(1 - m * m);
        double[] out = new double[z.length];
        for (int i = 0; i < z.length; i++) out[i] = m * direction.component(i) + sin * perp[i] / perpNorm;
        return out;
    }
}
