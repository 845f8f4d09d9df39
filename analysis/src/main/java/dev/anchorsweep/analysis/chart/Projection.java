package dev.anchorsweep.analysis.chart;

/** Two latent dims shown against each other (0-based): {@code x} across, {@code y} up. */
public record Projection(int x, int y) {

    public Projection {
        if (x < 0 || y < 0 || x == y) {
            throw new IllegalArgumentException("a projection needs two different dims ≥ 0, but got " + x + " and " + y);
        }
    }

    public String label() {
        return "dims " + x + "–" + y;
    }
}
