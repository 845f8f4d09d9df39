package dev.anchorsweep.evaluation;

import dev.anchorsweep.color.ColorSet;
import dev.anchorsweep.color.Hsv;

/**
 * How selectively an intervention damages the concept (SCA-SPEC §6): the squared Pearson correlation between
 * per-colour error and {@code similarity^power} to the concept colour. The paper computes it on the 8³ RGB grid
 * ({@link dev.anchorsweep.color.ColorSets#rgbGrid()}) with power 2 for suppression and repulsion, 3 for ablation.
 */
public final class SelectivityScore {

    public static final double SUPPRESSION_POWER = 2;
    public static final double REPULSION_POWER = 2;
    public static final double ABLATION_POWER = 3;

    private SelectivityScore() {}

    /**
     * r² in [0, 1]; {@code errors[i]} belongs to {@code set.color(i)}. Returns 0 when the errors (or the
     * similarities) have zero variance, e.g. an intervention that changes nothing: no correlation is defined,
     * and such a run shows no selective effect.
     */
    public static double score(ColorSet set, double[] errors, Hsv concept, double power) {
        if (errors.length != set.size()) {
            throw new IllegalArgumentException("need one error per colour of '" + set.name() + "' (" + set.size()
                    + "), but got " + errors.length);
        }
        double[] sims = new double[set.size()];
        for (int i = 0; i < sims.length; i++) {
            sims[i] = Math.pow(HsvSimilarity.similarity(set.color(i).toHsv(), concept), power);
        }
        double r = Pearson.r(sims, errors);
        return Double.isNaN(r) ? 0 : r * r;
    }
}
