package dev.anchorsweep.driver;

import dev.anchorsweep.run.PackShape;

/**
 * A pack's training time model for scheduling: {@code steps × (perStep + size × perRunStep(architecture))} — a
 * fixed cost per graph step (SameDiff's per-op overhead, about the same for any pack size) plus the arithmetic of each
 * run. Calibrated with {@code deploy/sweep bench} on the reference machine; only ratios matter for balancing.
 */
record PackCost(double perStepMs, double perRunStepMsPer1000Params, double perRunStepMsBase) {

    static final PackCost DEFAULT = new PackCost(6.0, 0.12, 0.10);

    double of(PackShape shape, int size) {
        double perRun = perRunStepMsBase + perRunStepMsPer1000Params * shape.architecture().parameterCount() / 1000.0;
        return shape.training().steps() * (perStepMs + size * perRun);
    }
}
