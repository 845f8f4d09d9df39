package dev.anchorsweep.run;

import dev.anchorsweep.color.Hsv;
import dev.anchorsweep.identity.Canonical;

import java.util.Map;

/**
 * How an intervention's selectivity is scored (SCA-SPEC §6): r² of the Pearson correlation between per-colour error
 * on the 8³ RGB grid and either {@code similarity(colour, concept)^power} or {@code vibrancy^power} (ex-2.7.1).
 *
 * @param concept the concept colour for similarity scoring; null when scoring against vibrancy
 */
public record ScoreSpec(Hsv concept, double power) implements Canonical, java.io.Serializable {

    public ScoreSpec {
        if (!(power > 0) || !Double.isFinite(power)) {
            throw new IllegalArgumentException("score power must be a finite number > 0, but got " + power);
        }
    }

    public boolean byVibrancy() {
        return concept == null;
    }

    /** {@code against}: {@code "vibrancy"} or the concept colour {@code {h, s, v}}; {@code power}. */
    @Override
    public Object canonicalForm() {
        Object against = concept == null ? "vibrancy" : Map.of("h", concept.h(), "s", concept.s(), "v", concept.v());
        return Map.of("against", against, "power", power);
    }
}
