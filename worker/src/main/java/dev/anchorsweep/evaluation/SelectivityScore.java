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
        return correlationSquared(set, errors, c -> Math.pow(HsvSimilarity.similarity(c.toHsv(), concept), power));
    }

    /**
     * The score of a concept without a single colour (ex-2.7.1's hue ablation): r² between per-colour error and
     * {@code vibrancy^power}, vibrancy = s·v. Zero variance gives 0, as for {@link #score}.
     */
    public static double scoreByVibrancy(ColorSet set, double[] errors, double power) {
        return correlationSquared(set, errors, c -> {
            Hsv hsv = c.toHsv();
            return Math.pow(hsv.s() * hsv.v(), power);
        });
    }

    private static double correlationSquared(ColorSet set, double[] errors,
                                             java.util.function.ToDoubleFunction<dev.anchorsweep.color.Rgb> predictor) {
        if (errors.length != set.size()) {
            throw new IllegalArgumentException("need one error per colour of '" + set.name() + "' (" + set.size()
                    + "), but got " + errors.length);
        }
        double[] predicted = new double[set.size()];
        for (int i = 0; i < predicted.length; i++) predicted[i] = predictor.applyAsDouble(set.color(i));
        double r = Pearson.r(predicted, errors);
        return Double.isNaN(r) ? 0 : r * r;
    }
}
