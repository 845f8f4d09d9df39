package dev.anchorsweep.evaluation;

import dev.anchorsweep.color.Hsv;

/**
 * The reference's HSV similarity (hemispherical, angular; SCA-SPEC §6), in [0, 1]: with Δh the angular hue
 * distance in degrees, {@code hue_sim = max(0, (90 − Δh)/90)}, the vibrancy weight
 * {@code r = (s·v + s_c·v_c)/2} and {@code sim = (r·hue_sim + 1 − r)·(1 − |s − s_c|)·(1 − |v − v_c|)}.
 * Hue counts only as much as the colours are vibrant, since hue is undefined for greys.
 */
public final class HsvSimilarity {

    private HsvSimilarity() {}

    public static double similarity(Hsv c, Hsv concept) {
        double diff = Math.abs(c.h() - concept.h()) % 1.0;
        double hueAngle = 360 * Math.min(diff, 1 - diff);
        double hueSim = Math.max(0, (90 - hueAngle) / 90);
        double r = (c.s() * c.v() + concept.s() * concept.v()) / 2;
        return (r * hueSim + 1 - r) * (1 - Math.abs(c.s() - concept.s())) * (1 - Math.abs(c.v() - concept.v()));
    }
}
