package dev.anchorsweep.sweep;

/**
 * Where a grid axis is declared, for locating problems with it.
 *
 * @param origin     file:line of the declaration
 * @param configPath its path in the sweep file, e.g. {@code grid.settings."model.latent-dim"}
 */
public record AxisSource(String origin, String configPath) {
}
