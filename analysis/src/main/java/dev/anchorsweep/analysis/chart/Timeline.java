package dev.anchorsweep.analysis.chart;

import java.util.List;

/**
 * What a run's timeline shows against its training steps: every scheduled property (lr, regularizer weights, recon,
 * data properties; one strip each), its training loss terms (one panel, log scale) and its named phases.
 *
 * @param firstStep the left end of the step axis
 * @param lastStep  the right end (the run's final step)
 */
public record Timeline(List<Curve> properties, List<Curve> losses, List<Phase> phases, double firstStep,
                       double lastStep) {

    /** A phase of training: the step it starts at and its name. */
    public record Phase(int step, String name) {
    }
}
