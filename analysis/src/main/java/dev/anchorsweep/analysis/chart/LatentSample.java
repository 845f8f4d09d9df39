package dev.anchorsweep.analysis.chart;

/** One colour of a latent scatter plot: its true rgb in [0, 1] and its latent vector. */
public record LatentSample(double r, double g, double b, double[] latent) {
}
