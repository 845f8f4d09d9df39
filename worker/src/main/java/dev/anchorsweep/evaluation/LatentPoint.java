package dev.anchorsweep.evaluation;

import dev.anchorsweep.color.Rgb;

/** The latent of one colour at one training step (after {@code step} updates), optionally under an intervention. */
public record LatentPoint(int step, String intervention, String colorSet, int index, Rgb color, double[] latent) {
}
