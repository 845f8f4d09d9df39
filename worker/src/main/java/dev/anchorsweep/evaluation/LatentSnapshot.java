package dev.anchorsweep.evaluation;

import dev.anchorsweep.color.ColorSet;

/**
 * The latents of every colour of a set at one training step (after {@code step} updates), optionally under an
 * intervention: {@code latents[i]} is the latent of {@code set.color(i)}.
 */
public record LatentSnapshot(int step, String intervention, ColorSet set, double[][] latents) {

    public LatentSnapshot {
        if (latents.length != set.size()) {
            throw new IllegalArgumentException("a latent snapshot needs one latent per colour of set '" + set.name() + "' ("
                    + set.size() + "), but got " + latents.length);
        }
    }
}
