package dev.anchorsweep.evaluation;

import dev.anchorsweep.color.Rgb;

/**
 * One colour of an evaluation set under one intervention.
 *
 * @param name       the colour's name in the set, or null
 * @param output     the reconstruction, clamped to [0, 1]
 * @param error      mean over channels of (clamped output − colour)²
 * @param similarity HSV similarity of the colour to the run's concept colour, or null when the run has none
 */
public record ColorEvaluation(String intervention, String colorSet, int index, String name, Rgb color, double[] output,
                              double error, Double similarity) {
}
