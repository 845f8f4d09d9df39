package dev.anchorsweep.evaluation;

import java.util.List;
import java.util.Map;

/**
 * Everything measured on a trained run after training.
 *
 * @param colors  per-colour results for every evaluation set under baseline and every intervention
 * @param latents latents of the latent set at every snapshot step, and at the end under latent interventions, one
 *                snapshot per step and intervention
 * @param scores  selectivity score per scored intervention (SCA-SPEC §6)
 */
public record RunEvaluation(List<ColorEvaluation> colors, List<LatentSnapshot> latents, Map<String, Double> scores,
                            double seconds) {

    /** The error of one named colour under one intervention (baseline included), or NaN if it was not evaluated. */
    public double error(String intervention, String colorSet, String colorName) {
        for (ColorEvaluation c : colors) {
            if (c.intervention().equals(intervention) && c.colorSet().equals(colorSet)
                    && colorName.equals(c.name())) {
                return c.error();
            }
        }
        return Double.NaN;
    }
}
