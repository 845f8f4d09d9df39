package dev.anchorsweep.concept;

import dev.anchorsweep.color.ColorSet;
import dev.anchorsweep.color.Rgb;
import dev.anchorsweep.identity.Canonical;

import java.util.Map;
import java.util.Optional;

/**
 * A sparsely labelled concept (SCA-SPEC §1): each colour is labelled with probability
 * {@code clamp(measure^power · scale, 0, 1)}, drawn afresh for every sample. The paper's red concept is
 * {@code new Concept("red", REDNESS, 8, 0.08)}.
 */
public record Concept(String name, Measure measure, double power, double scale) implements Canonical, java.io.Serializable {

    /** Tolerance for {@link #exactLabel}: the measure must be within this of 1. */
    public static final double EXACT_TOLERANCE = 1e-9;

    public Concept {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a concept needs a non-blank name");
        if (measure == null) throw new IllegalArgumentException("concept '" + name + "' needs a measure");
        if (!(power >= 0) || Double.isInfinite(power)) {
            throw new IllegalArgumentException("concept '" + name + "': power must be finite and ≥ 0, but got " + power);
        }
        if (!(scale >= 0 && scale <= 1)) {
            throw new IllegalArgumentException("concept '" + name + "': scale must be in [0, 1], but got " + scale);
        }
    }

    /** Its entry in the {@code concepts} section as resolved (its name is the key there). */
    @Override
    public Object canonicalForm() {
        return Map.of("label", measure.configLabel(), "power", power, "scale", scale);
    }

    /** Probability that one sample of {@code c} is labelled. */
    public double labelProbability(Rgb c) {
        double p = Math.pow(measure.of(c), power) * scale;
        return Math.min(1, Math.max(0, p));
    }

    /** The deterministic label of the validation set: true where the measure is 1 (red: only (1,0,0)). */
    public boolean exactLabel(Rgb c) {
        return measure.of(c) >= 1 - EXACT_TOLERANCE;
    }

    /** The colour where the measure is 1, for primaries; empty for measures that peak on many colours. */
    public Optional<Rgb> prototype() {
        return measure.prototype();
    }

    /** Expected number of labels in {@code samples} draws uniform over {@code grid}: samples · mean p. */
    public double expectedLabels(ColorSet grid, long samples) {
        if (grid.size() == 0) throw new IllegalArgumentException("colour set '" + grid.name() + "' is empty");
        double sum = 0;
        for (Rgb c : grid.colors()) sum += labelProbability(c);
        return samples * sum / grid.size();
    }
}
